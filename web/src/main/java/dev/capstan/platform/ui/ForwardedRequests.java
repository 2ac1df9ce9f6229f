package dev.capstan.platform.ui;

import dev.capstan.platform.Settings;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ServletSessionConfig;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import jakarta.servlet.ServletContext;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Capstan behind a reverse proxy, set up before any handler of the portal sees a request:
 * <ul>
 *   <li>{@code CAPSTAN_PUBLIC_URL} (e.g. {@code https://capstan.example.com}): every request is taken
 *       as addressed to it, whatever its Host header says, so redirects point there and never to a
 *       host an attacker typed; when it is https, requests count as secure, so the session cookie
 *       is {@code Secure} and named {@code __Host-CAPSTAN_SESSION} (the browser then refuses it from
 *       any other host or path);</li>
 *   <li>{@code CAPSTAN_TRUSTED_PROXIES} (addresses, comma-separated): for a request from one of
 *       them, the client is the right-most address in {@code X-Forwarded-For} that is not a trusted
 *       proxy. That address is the one the audit trail records and sign-in throttling counts. From
 *       anyone else the header is ignored: a client could write anything into it.</li>
 * </ul>
 * Registered in META-INF/services as an Undertow servlet extension.
 */
public class ForwardedRequests implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(ForwardedRequests.class.getName());
    static final String SECURE_COOKIE_NAME = "__Host-CAPSTAN_SESSION";
    private static final HttpString FORWARDED_FOR = new HttpString("X-Forwarded-For");
    /** Only an address literal is taken from a header: a name would cost a DNS lookup per request. */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        Optional<URI> publicUrl = Settings.text("capstan.public-url").map(ForwardedRequests::publicUrl);
        Set<InetAddress> proxies = Settings.text("capstan.trusted-proxies").map(ForwardedRequests::addresses).orElse(Set.of());
        if (publicUrl.isEmpty() && proxies.isEmpty()) {
            return;
        }
        boolean https = publicUrl.map(url -> url.getScheme().equals("https")).orElse(false);
        if (https) {
            ServletSessionConfig cookie = deployment.getServletSessionConfig() == null ? new ServletSessionConfig()
                    : deployment.getServletSessionConfig();
            cookie.setName(SECURE_COOKIE_NAME);
            cookie.setSecure(true);
            cookie.setPath("/");
            deployment.setServletSessionConfig(cookie);
        }
        String host = publicUrl.map(url -> url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort()).orElse(null);
        String scheme = publicUrl.map(URI::getScheme).orElse(null);
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            if (!proxies.isEmpty() && proxies.contains(exchange.getSourceAddress().getAddress())) {
                client(exchange, proxies).ifPresent(client -> exchange.setSourceAddress(new InetSocketAddress(client, 0)));
            }
            if (host != null) {
                exchange.setRequestScheme(scheme);
                exchange.getRequestHeaders().put(Headers.HOST, host);
            }
            next.handleRequest(exchange);
        });
        LOG.info(() -> "Public URL " + publicUrl.map(URI::toString).orElse("not set") + "; trusted proxies " + proxies);
    }

    /** The right-most forwarded address that is not a trusted proxy. */
    private static Optional<InetAddress> client(HttpServerExchange exchange, Set<InetAddress> proxies) {
        Deque<String> headers = exchange.getRequestHeaders().get(FORWARDED_FOR);
        if (headers == null) {
            return Optional.empty();
        }
        List<String> hops = new ArrayList<>();
        headers.forEach(header -> Arrays.stream(header.split(",")).map(String::strip).forEach(hops::add));
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return Optional.empty(); // not an address: nothing to the left of it can be trusted either
            }
            if (!proxies.contains(hop.get())) {
                return hop;
            }
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!ADDRESS_LITERAL.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static URI publicUrl(String text) {
        URI url = URI.create(text.strip());
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null
                || !(url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/"))) {
            throw new IllegalStateException("CAPSTAN_PUBLIC_URL must be the address people open, like https://capstan.example.com,"
                    + " with no path; it is '" + text + "'");
        }
        return url;
    }

    private static Set<InetAddress> addresses(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(entry -> literal(entry)
                .orElseThrow(() -> new IllegalStateException("CAPSTAN_TRUSTED_PROXIES lists addresses like 10.0.0.5, not '" + entry + "'")))
                .collect(Collectors.toUnmodifiableSet());
    }
}
