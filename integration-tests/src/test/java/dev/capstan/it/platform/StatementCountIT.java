package dev.capstan.it.platform;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list costs the same number of SQL statements for 5 rows as for a full page (no statement per row): the
 * projects list (API and page), the audit page, and a project page with 1 service or 12. Counted
 * by the pool's statement counter on /metrics, which sees Hibernate's statements and plain JDBC's.
 */
class StatementCountIT extends PortalTest {

    private static final URI METRICS =
            URI.create("http://127.0.0.1:" + System.getProperty("capstan.test.management.port", "9990") + "/metrics");
    private static final Pattern PREPARED =
            Pattern.compile("(?m)^datasources_jdbc_prepared_statement_cache_access_count\\{[^}]*name=\"CapstanDS\"[^}]*} ([0-9.E]+)$");

    @Test
    void aListCostsTheSameStatementsForFiveRowsAsForFifty() throws Exception {
        PortalClient owner = signedIn("count-owner", GlobalRole.USER);
        PortalClient auditor = signedIn("count-auditor", GlobalRole.AUDITOR);
        for (int i = 1; i <= 50; i++) {
            String key = i <= 5 ? String.format("count-a%02d", i) : String.format("count-b%02d", i);
            create(owner, "POST", "/api/v1/projects", "{\"key\": \"" + key + "\", \"name\": \"Count " + i + "\"}");
            create(owner, "POST", "/api/v1/projects/" + key + "/services", "{\"name\": \"api\", \"kind\": \"application\", \"image\": \"ghcr.io/acme/api\"}");
            create(owner, "POST", "/api/v1/projects/" + key + "/environments", "{\"name\": \"production\", \"tier\": \"production\"}");
        }
        create(owner, "POST", "/api/v1/projects", "{\"key\": \"count-wide\", \"name\": \"Wide\"}");
        for (int s = 1; s <= 12; s++) {
            create(owner, "POST", "/api/v1/projects/count-wide/services", "{\"name\": \"service-" + s + "\", \"kind\": \"application\", \"image\": \"ghcr.io/acme/wide\","
                    + " \"smokeChecks\": [{\"path\": \"/a\"}, {\"path\": \"/b\"}]}");
        }
        for (String tier : new String[]{"development", "staging", "production"}) {
            create(owner, "POST", "/api/v1/projects/count-wide/environments", "{\"name\": \"" + tier + "\", \"tier\": \"" + tier + "\","
                    + " \"target\": {\"kind\": \"ssh-host\", \"settings\": {\"host\": \"h.example.com\", \"user\": \"deploy\", \"directory\": \"/srv/w\"}}}");
        }
        awaitNothingPending();

        assertSameCount(owner, "/api/v1/projects?q=count-&limit=5", "count-a05", "/api/v1/projects?q=count-&limit=50", "count-b50");
        assertSameCount(owner, "/projects/index.xhtml?q=count-a", "count-a05", "/projects/index.xhtml?q=count-", "count-b20");
        assertSameCount(auditor, "/audit/index.xhtml?action=project.created&target=count-a", "count-a05",
                "/audit/index.xhtml?action=project.created&target=count-", "count-b50");
        assertSameCount(owner, "/projects/project.xhtml?key=count-a01&tab=services", "api", "/projects/project.xhtml?key=count-wide&tab=services", "service-12");
    }

    private void assertSameCount(PortalClient client, String few, String fewShows, String many, String manyShows) throws Exception {
        long forFew = statements(client, few, fewShows);
        long forMany = statements(client, many, manyShows);
        assertEquals(forFew, forMany, "statements for " + few + " and for " + many);
    }

    /** The fewest statements of three reads of {@code path} (another request may run meanwhile, never fewer). */
    private long statements(PortalClient client, String path, String shows) throws Exception {
        client.get(path); // the first read of a page may set up what later ones reuse
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            double before = preparedStatements();
            HttpResponse<String> answer = client.get(path);
            double after = preparedStatements();
            assertEquals(200, answer.statusCode(), path);
            assertTrue(answer.body().contains(shows), path + " shows " + shows);
            fewest = Math.min(fewest, Math.round(after - before));
        }
        assertTrue(fewest > 0, "the counter counts " + path);
        return fewest;
    }

    private static double preparedStatements() throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(METRICS).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher count = PREPARED.matcher(metrics);
        assertTrue(count.find(), "/metrics counts the pool's statements");
        return Double.parseDouble(count.group(1));
    }

    private static void create(PortalClient owner, String method, String path, String json) throws Exception {
        HttpResponse<String> answer = owner.call(method, path, json);
        assertEquals(201, answer.statusCode(), path + ": " + answer.body());
    }

    /** Entries still to be linked into the chain: the linker's statements would count with a page's. */
    private static void awaitNothingPending() throws Exception {
        for (int wait = 0; wait < 100; wait++) {
            try (Connection connection = TestDatabase.connectToChain(); Statement query = connection.createStatement();
                 ResultSet pending = query.executeQuery("SELECT count(*) FROM audit_pending")) {
                pending.next();
                if (pending.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
    }
}
