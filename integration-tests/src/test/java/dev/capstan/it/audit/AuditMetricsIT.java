package dev.capstan.it.audit;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Prometheus scrapes from the management port after an auditor verifies the chain, intact and damaged. */
class AuditMetricsIT extends PortalTest {

    private static final URI METRICS =
            URI.create("http://127.0.0.1:" + System.getProperty("capstan.test.management.port", "9990") + "/metrics");

    @Test
    void theMetricsSayWhetherTheNewestVerificationFoundTheChainIntactAndHowFarItRead() throws Exception {
        PortalClient auditor = signedIn("metrics-auditor", GlobalRole.AUDITOR);
        long signIn = sequenceOfNewest("signin.succeeded", "metrics-auditor");
        long newestBefore = newestSequence();

        verify(auditor);
        assertEquals(1, gauge("capstan_audit_chain_intact"), "an intact chain");
        assertTrue(gauge("capstan_audit_last_verified_sequence") >= newestBefore,
                "verified up to at least entry " + newestBefore);

        // A database superuser rewrites the auditor's sign-in entry behind the triggers' back.
        try (Connection dba = TestDatabase.connectAsSuperuser(); Statement statement = dba.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("UPDATE audit_entry SET target_name = 'someone-else' WHERE sequence = " + signIn);
            try {
                verify(auditor);
                assertEquals(0, gauge("capstan_audit_chain_intact"), "the damage shows on /metrics");
            } finally {
                statement.execute("UPDATE audit_entry SET target_name = 'metrics-auditor' WHERE sequence = " + signIn);
                statement.execute("SET session_replication_role = DEFAULT");
            }
        }

        verify(auditor);
        assertEquals(1, gauge("capstan_audit_chain_intact"), "restored, the chain verifies again");
    }

    /** The "Verify now" button of the audit page. */
    private static void verify(PortalClient auditor) throws Exception {
        HttpResponse<String> page = auditor.submit("/audit/index.xhtml", "verification", Map.of(), "verify");
        assertEquals(200, page.statusCode());
    }

    /** The one sample of a gauge in the Prometheus text, whatever labels the server adds. */
    private static double gauge(String name) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(METRICS).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        Pattern sample = Pattern.compile(Pattern.quote(name) + "(\\{[^}]*})? (\\S+)");
        List<Double> values = metrics.body().lines().map(sample::matcher).filter(Matcher::matches)
                .map(matcher -> Double.parseDouble(matcher.group(2))).toList();
        assertEquals(1, values.size(), "one sample of " + name + " in:\n" + metrics.body());
        return values.get(0);
    }

    private static long newestSequence() throws SQLException {
        try (Connection db = TestDatabase.connectToChain(); Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery("SELECT max(sequence) FROM audit_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long sequenceOfNewest(String action, String targetName) throws SQLException {
        try (Connection db = TestDatabase.connectToChain();
             PreparedStatement query = db.prepareStatement(
                     "SELECT max(sequence) FROM audit_entry WHERE action = ? AND target_name = ?")) {
            query.setString(1, action);
            query.setString(2, targetName);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
