package dev.capstan.it.platform;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static dev.capstan.it.support.Json.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the database cannot do what an action needs, the caller is told so: 503 with words for a
 * person on the API, a message or an "unavailable" page in the portal, never a generic 500 or a
 * stack trace. Two ways it happens: the audit entry is refused only at commit (a deferred check),
 * and the database cannot be reached. Everything broken here is put back in a finally block.
 */
class UnavailableIT extends PortalTest {

    private static final String AUDIT_REFUSED = "the audit trail could not record this action";
    private static final String DATABASE_UNAVAILABLE = "database unavailable";

    @Test
    void anActionWhoseAuditEntryIsRefusedAtCommitIsNotDoneAndSaysWhy() throws Exception {
        PortalClient user = signedIn("late-refusal-user", GlobalRole.USER);
        PortalClient admin = signedIn("late-refusal-admin", GlobalRole.ADMIN);
        try (Connection dba = TestDatabase.connectAsSuperuser(); Statement statement = dba.createStatement()) {
            // A constraint trigger deferred to the end of the transaction: the entry is written, the commit refuses it.
            statement.execute("CREATE FUNCTION refuse_audit_at_commit() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE EXCEPTION 'audit entries are refused at commit (test)'; END $$");
            statement.execute("CREATE CONSTRAINT TRIGGER refuse_audit_at_commit AFTER INSERT ON audit_pending"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_audit_at_commit()");
            try {
                HttpResponse<String> api = user.call("POST", "/api/v1/projects", """
                        {"key": "late-refused", "name": "Refused at commit", "owningTeam": "Ops"}""");
                JsonObject refused = problem(api, 503);
                assertTrue(refused.getString("detail").contains(AUDIT_REFUSED), refused.toString());
                assertTrue(api.headers().firstValue("Retry-After").isPresent(), "a client learns when to try again");

                HttpResponse<String> page = admin.submit("/admin/users.xhtml", "create",
                        Map.of("username", "late-refused-user", "displayName", "Refused", "roles", "USER"), "save");
                assertEquals(200, page.statusCode(), "the page stays, with a message");
                assertTrue(page.body().contains(AUDIT_REFUSED), page.body());
                assertNoStackTrace(page.body());
            } finally {
                statement.execute("DROP TRIGGER refuse_audit_at_commit ON audit_pending");
                statement.execute("DROP FUNCTION refuse_audit_at_commit()");
            }
        }
        assertEquals(0, count("SELECT count(*) FROM project WHERE project_key = 'late-refused'"), "the project was not created");
        assertEquals(0, count("SELECT count(*) FROM capstan_user WHERE username = 'late-refused-user'"), "nor the user");
    }

    @Test
    void whileTheDatabaseCannotBeReachedTheApiAndPagesSaySoAndRecoverAfter() throws Exception {
        PortalClient user = signedIn("outage-user", GlobalRole.USER);
        assertEquals(201, user.call("POST", "/api/v1/projects", """
                {"key": "outage-shop", "name": "Shop", "owningTeam": "Ops"}""").statusCode());
        String appRole = System.getProperty("capstan.test.db.app.user", "capstan_app");
        try (Connection dba = TestDatabase.connectAsSuperuser(); Statement statement = dba.createStatement()) {
            String database = dba.getCatalog();
            // This test's database only (the roles are shared with other checkouts' test runs): it takes no new
            // connection of anyone but a superuser, and the server's open ones are cut, as when PostgreSQL goes away.
            statement.execute("ALTER DATABASE \"" + database + "\" CONNECTION LIMIT 0");
            try {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND usename = '" + appRole + "'");
                HttpResponse<String> api = user.call("GET", "/api/v1/projects/outage-shop", null);
                JsonObject unavailable = problem(api, 503);
                assertTrue(unavailable.getString("detail").contains(DATABASE_UNAVAILABLE), unavailable.toString());
                assertTrue(api.headers().firstValue("Retry-After").isPresent(), "a client learns when to try again");

                HttpResponse<String> page = user.get("/projects/project.xhtml?key=outage-shop");
                assertEquals(503, page.statusCode(), page.body());
                assertTrue(page.body().contains("Database unavailable"), page.body());
                assertNoStackTrace(page.body());
            } finally {
                statement.execute("ALTER DATABASE \"" + database + "\" CONNECTION LIMIT -1");
            }
        }
        assertEquals(200, user.call("GET", "/api/v1/projects/outage-shop", null).statusCode(), "back once the database is");
        assertEquals(200, user.get("/projects/project.xhtml?key=outage-shop").statusCode());
    }

    /** Neither a stack trace nor the exception's class (every page names ViewExpiredException in its script settings). */
    private static void assertNoStackTrace(String page) {
        for (String trace : new String[]{"Caused by", "\tat ", "jakarta.ejb.", "jakarta.transaction.", "org.hibernate.", "java.sql.", "org.postgresql."}) {
            assertFalse(page.contains(trace), "'" + trace + "' in " + page);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
