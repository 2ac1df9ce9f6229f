package dev.capstan.it.platform;

import dev.capstan.it.support.PortalTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a load balancer and Prometheus see on the management port, without signing in. */
class PortalHealthIT extends PortalTest {

    private static final URI MANAGEMENT = URI.create("http://127.0.0.1:" + System.getProperty("capstan.test.management.port", "9990") + "/");
    private static final Pattern DATABASE_UP =
            Pattern.compile("\\{\"name\":\"database\",\"status\":\"UP\",\"data\":\\{\"database\":\"PostgreSQL\"}}");

    @Test
    void readinessReportsTheDatabase() throws Exception {
        HttpResponse<String> ready = get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().startsWith("{\"status\":\"UP\""), ready.body());
        assertTrue(DATABASE_UP.matcher(ready.body()).find(), "the portal's own database check: " + ready.body());
    }

    @Test
    void livenessAnswersUp() throws Exception {
        HttpResponse<String> live = get("health/live");
        assertEquals(200, live.statusCode());
        assertTrue(live.body().startsWith("{\"status\":\"UP\""), live.body());
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        HttpResponse<String> metrics = get("metrics");
        assertEquals(200, metrics.statusCode());
        // Micrometer's names (the micrometer subsystem serves /metrics); base_memory_usedHeap_bytes before.
        assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("memory_used_heap_bytes ")), "JVM heap in use is exported");
        assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("datasources_pool_active_count{")
                && line.contains("name=\"CapstanDS\"")), "the database pool is exported");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(MANAGEMENT.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
