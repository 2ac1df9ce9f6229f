package dev.capstan.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser at another loopback address (127.0.0.2, 127.0.0.3, ...), for what the server decides
 * by client address. Java 17's HttpClient cannot choose its local address, so this speaks plain
 * HTTP/1.1 over a socket bound to it: one request per connection, cookies kept.
 */
public final class FromAddress {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern SET_COOKIE = Pattern.compile("(?im)^set-cookie:\\s*([^=]+)=([^;\\r\\n]*)");

    /** An answer: status, raw header block, body. */
    public record Answer(int status, String headers, String body) {
        public String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(headers);
            return m.find() ? m.group(1) : null;
        }
    }

    private final InetAddress local;
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public FromAddress(String localAddress, URI base) throws IOException {
        this.local = InetAddress.getByName(localAddress);
        this.base = base;
    }

    public Answer get(String path) throws IOException {
        return send("GET", path, null, null);
    }

    /** Sends {@code value} as header {@code name} with every request from now on, e.g. {@code X-Forwarded-For} or {@code Host}. */
    public FromAddress with(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Signs in through the sign-in form, as {@link PortalClient#signIn} does. */
    public Answer signIn(String username, String password) throws IOException {
        return submit("/signin.xhtml", "signin", Map.of("username", username, "password", password), "submit");
    }

    /** Fills in and submits a Faces form, as {@link PortalClient#submit} does. */
    public Answer submit(String page, String formId, Map<String, String> values, String button) throws IOException {
        Answer form = get(page);
        Matcher viewState = VIEW_STATE.matcher(form.body());
        if (!viewState.find()) {
            throw new IllegalStateException(page + " from " + local + " has no form: " + form.status());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(formId, formId);
        values.forEach((name, value) -> fields.put(formId + ":" + name, value));
        fields.put(formId + ":" + button, formId + ":" + button);
        fields.put("jakarta.faces.ViewState", viewState.group(1));
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", page, body, "application/x-www-form-urlencoded");
    }

    private Answer send(String method, String path, String body, String contentType) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: "
                    + headers.getOrDefault("Host", base.getHost() + ":" + base.getPort()) + "\r\nConnection: close\r\nAccept: text/html\r\n");
            headers.forEach((name, value) -> {
                if (!name.equals("Host")) {
                    request.append(name).append(": ").append(value).append("\r\n");
                }
            });
            if (!cookies.isEmpty()) {
                request.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String headers = text.substring(0, end);
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        int status = Integer.parseInt(headers.substring(9, 12));
        Matcher cookie = SET_COOKIE.matcher(headers);
        while (cookie.find()) {
            cookies.put(cookie.group(1).strip(), cookie.group(2));
        }
        boolean chunked = headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
        return new Answer(status, headers, new String(chunked ? unchunk(rest) : rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = at;
            while (body[lineEnd] != '\r') {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
