package dev.capstan.it.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A site of an attacker's for cross-site tests: one HTML page, on another port of 127.0.0.1 (another
 * origin, but the same site as the portal for cookies), answering every path with it.
 */
public final class AnotherSite implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    public AnotherSite(String page) throws IOException {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public URI address(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The paths the browser asked this site for. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
