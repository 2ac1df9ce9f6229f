package dev.capstan.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: keeps cookies, does not follow redirects (tests look at them), and
 * submits Faces forms the way a browser submits them (form id, fields, button, view state).
 */
public class PortalClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String bearer;

    /** A client that calls the API with a personal API token, as a script does, and keeps no cookies. */
    public static PortalClient withToken(URI base, String token) {
        PortalClient client = new PortalClient(base);
        client.bearer = token;
        return client;
    }

    /** Makes a personal API token on the API tokens page with this client's session; the token is on the page once. */
    public String makeToken(String name, String projectKey, boolean readOnly) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("projectKey", projectKey == null ? "" : projectKey);
        if (readOnly) {
            fields.put("readOnly_input", "on");
        }
        HttpResponse<String> page = submit("/account/tokens.xhtml", "tokens", fields, "create");
        Matcher token = Pattern.compile("<code id=\"secret\" class=\"secret-once\">(capstan_[A-Za-z0-9_-]+)</code>").matcher(page.body());
        if (page.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token made: " + page.statusCode() + "\n" + page.body());
        }
        return token.group(1);
    }

    public PortalClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A REST API call with this client's session (if any): {@code json}, when not null, is sent as
     * {@code application/json}; a POST without a body carries {@code X-Requested-With}.
     */
    public HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
        return call(method, path, json, "application/json");
    }

    /** As above, with a body of another type, e.g. a project file as {@code application/yaml}. */
    public HttpResponse<String> call(String method, String path, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "application/json, application/problem+json, application/yaml")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        } else if (method.equals("POST") && bearer == null) {
            request.header("X-Requested-With", "capstan"); // as docs/api.md says for a POST without a body
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A call as a page of another site could make a browser send it: only the session cookie, {@code contentType} if not null, no other header. */
    public HttpResponse<String> callAsAnotherSite(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Loads {@code page}, then posts its form {@code formId} with {@code fields} and {@code button} pressed. */
    public HttpResponse<String> submit(String page, String formId, Map<String, String> fields, String button)
            throws IOException, InterruptedException {
        HttpResponse<String> form = get(page);
        if (form.statusCode() != 200) {
            throw new IllegalStateException("GET " + page + " answered " + form.statusCode());
        }
        Matcher viewState = VIEW_STATE.matcher(form.body());
        if (!viewState.find()) {
            throw new IllegalStateException(page + " has no Faces form");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put(formId, formId);
        fields.forEach((name, value) -> body.put(formId + ":" + name, value));
        body.put(formId + ":" + button, formId + ":" + button);
        body.put("jakarta.faces.ViewState", viewState.group(1));
        String encoded = body.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(base.resolve(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        return submit("/signin.xhtml", "signin", Map.of("username", username, "password", password), "submit");
    }

    public HttpResponse<String> signOut() throws IOException, InterruptedException {
        return submit("/index.xhtml", "usermenu", Map.of(), "signout");
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("CAPSTAN_SESSION"))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Replaces the session cookie, as an attacker holding a stolen or planted session id would. */
    public void useSessionId(String sessionId) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("CAPSTAN_SESSION", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
