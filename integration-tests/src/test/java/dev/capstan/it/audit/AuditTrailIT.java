package dev.capstan.it.audit;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.capstan.it.audit.Verifications.assertVerificationSays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail over HTTP and in the database: what sign-in and user administration record,
 * that the database refuses changes to entries, that an action whose entry cannot be written
 * does not happen, and that verification names the entry a superuser tampered with.
 */
class AuditTrailIT extends PortalTest {

    /** The newest entry with this action and target name, as column → value. */
    private static Map<String, String> newestEntry(String action, String targetName) throws SQLException {
        try (Connection db = TestDatabase.connectToChain();
             PreparedStatement query = db.prepareStatement("SELECT * FROM audit_entry WHERE action = ? AND target_name = ?"
                     + " ORDER BY sequence DESC LIMIT 1")) {
            query.setString(1, action);
            query.setString(2, targetName);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "an entry " + action + " for " + targetName);
                Map<String, String> entry = new LinkedHashMap<>();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    entry.put(row.getMetaData().getColumnName(column), row.getString(column));
                }
                return entry;
            }
        }
    }

    static final String PENDING_INSERT = "INSERT INTO audit_pending (actor_kind, actor_name, actor_roles, action, details, outcome) VALUES ";

    private static long count(String sql) throws SQLException {
        try (Connection db = TestDatabase.connectToChain(); Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private HttpResponse<String> createUser(PortalClient admin, String username) throws Exception {
        return admin.submit("/admin/users.xhtml", "create",
                Map.of("username", username, "displayName", "Created " + username, "roles", "USER"), "save");
    }

    @Test
    void signInsAndUserAdministrationAreRecordedWithWhoWhatAndWhereFrom() throws Exception {
        PortalClient admin = signedIn("audit-admin", GlobalRole.ADMIN);
        new PortalClient(URI.create(base.toString())).signIn("audit-admin", "not-the-password");

        Map<String, String> signIn = newestEntry("signin.succeeded", "audit-admin");
        assertEquals("USER", signIn.get("actor_kind"));
        assertEquals("ADMIN", signIn.get("actor_roles"));
        assertEquals("127.0.0.1", signIn.get("client_address"));
        assertTrue(signIn.get("user_agent").startsWith("Java-http-client"), signIn.get("user_agent"));
        assertNotNull(signIn.get("request_id"));

        Map<String, String> failed = newestEntry("signin.failed", "audit-admin");
        assertEquals("FAILED", failed.get("outcome"));
        assertEquals("ANONYMOUS", failed.get("actor_kind"));
        assertTrue(failed.get("details").contains("\"reason\":\"wrong password\""), failed.get("details"));
        assertFalse(failed.get("details").contains("not-the-password"), "the typed password is never recorded");

        assertEquals(200, createUser(admin, "audited-newcomer").statusCode());
        Map<String, String> created = newestEntry("user.created", "audited-newcomer");
        assertEquals("audit-admin", created.get("actor_name"));
        assertEquals("SUCCEEDED", created.get("outcome"));
        assertEquals("{\"changes\":{\"displayName\":{\"after\":\"Created audited-newcomer\",\"before\":null},"
                        + "\"roles\":{\"after\":[\"USER\"],\"before\":[]}}}",
                created.get("details"));

        assertTrue(createUser(admin, "audited-newcomer").body().contains("already exists"));
        Map<String, String> refused = newestEntry("user.created", "audited-newcomer");
        assertEquals("FAILED", refused.get("outcome"), "a refusal is recorded, in its own transaction");
        assertTrue(refused.get("details").contains("already exists"), refused.get("details"));

        admin.signOut();
        assertEquals("SUCCEEDED", newestEntry("signout.succeeded", "audit-admin").get("outcome"));
    }

    @Test
    void aRefusedPageIsRecordedAsDenied() throws Exception {
        PortalClient auditor = signedIn("audit-curious", GlobalRole.AUDITOR);
        assertEquals(403, auditor.get("/admin/users.xhtml").statusCode());
        Map<String, String> denied = newestEntry("access.denied", "/admin/users.xhtml");
        assertEquals("DENIED", denied.get("outcome"));
        assertEquals("audit-curious", denied.get("actor_name"));
    }

    @Test
    void theServersDatabaseRoleCannotChangeOrRemoveEntriesNorLiftTheGuard() throws Exception {
        signedIn("audit-writer", GlobalRole.USER);
        try (Connection db = TestDatabase.connectAsServer(); Statement statement = db.createStatement()) {
            db.setAutoCommit(true);
            for (String attempt : new String[]{"UPDATE audit_entry SET actor_name = 'nobody'", "DELETE FROM audit_entry",
                    "TRUNCATE audit_entry", "DELETE FROM audit_checkpoint", "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
                    "DROP TRIGGER audit_entry_no_update_or_delete ON audit_entry"}) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(attempt), attempt);
                assertEquals("42501", refused.getSQLState(), attempt + ": " + refused.getMessage());
            }
            // An entry waiting to be chained is as final: it may only leave the pending table into the chain.
            db.setAutoCommit(false);
            statement.execute(PENDING_INSERT + "('USER', 'audit-writer', 'USER', 'user.created', '{}', 'SUCCEEDED')");
            for (String attempt : new String[]{"UPDATE audit_pending SET actor_name = 'nobody'", "DELETE FROM audit_pending",
                    "TRUNCATE audit_pending"}) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(attempt), attempt);
                assertEquals("42501", refused.getSQLState(), attempt + ": " + refused.getMessage());
                db.rollback();
                statement.execute(PENDING_INSERT + "('USER', 'audit-writer', 'USER', 'user.created', '{}', 'SUCCEEDED')");
            }
            db.rollback();
        }
        try (Connection owner = TestDatabase.connectToChain(); Statement statement = owner.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE audit_entry SET actor_name = 'nobody'"),
                    "even the schema's owner is refused by the trigger");
        }
        assertEquals(0, count("SELECT count(*) FROM audit_entry WHERE actor_name = 'nobody'"));
    }

    @Test
    void anEntryLeftPendingByACrashIsChainedWithItsOwnTime() throws Exception {
        PortalClient auditor = signedIn("audit-crash-reader", GlobalRole.AUDITOR);
        // What a crash between an action's commit and its link into the chain leaves: a committed pending entry.
        try (Connection server = TestDatabase.connectAsServer(); Statement statement = server.createStatement()) {
            statement.execute(PENDING_INSERT + "('USER', 'audit-crashed', 'USER', 'project.created', '{}', 'SUCCEEDED')");
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (count("SELECT count(*) FROM audit_entry WHERE actor_name = 'audit-crashed'") == 0) {
            assertTrue(System.nanoTime() < deadline, "the entry was chained by the server's next round");
            Thread.sleep(200);
        }
        assertEquals(0, count("SELECT count(*) FROM audit_pending WHERE actor_name = 'audit-crashed'"), "and is pending no more");
        assertVerificationSays(auditor, "the chain is intact");
    }

    @Test
    void anActionWhoseEntryCannotBeWrittenIsRefusedAndLeavesNoTrace() throws Exception {
        PortalClient admin = signedIn("audit-admin-2", GlobalRole.ADMIN);
        long entriesBefore = count("SELECT count(*) FROM audit_entry");
        try (Connection dba = TestDatabase.connectAsSuperuser(); Statement statement = dba.createStatement()) {
            statement.execute("ALTER TABLE audit_pending ADD CONSTRAINT refuse_user_created CHECK (action <> 'user.created') NOT VALID");
            try {
                HttpResponse<String> refused = createUser(admin, "never-created");
                assertEquals(200, refused.statusCode());
                assertTrue(refused.body().contains("the audit trail could not record this action"), refused.body());
            } finally {
                statement.execute("ALTER TABLE audit_pending DROP CONSTRAINT refuse_user_created");
            }
        }
        assertEquals(0, count("SELECT count(*) FROM capstan_user WHERE username = 'never-created'"), "the user was not created");
        assertEquals(entriesBefore, count("SELECT count(*) FROM audit_entry"), "nor anything recorded of it");
    }

    @Test
    void verificationNamesTheEntryASuperuserEditedDeletedOrMoved() throws Exception {
        PortalClient auditor = signedIn("audit-verifier", GlobalRole.AUDITOR);
        for (int attempt = 0; attempt < 4; attempt++) {
            new PortalClient(URI.create(base.toString())).signIn("audit-verifier", "wrong-password");
        }
        assertVerificationSays(auditor, "the chain is intact");
        long target = count("SELECT max(sequence) FROM audit_entry") - 2;

        tamper("UPDATE audit_entry SET target_name = 'someone-else' WHERE sequence = " + target,
                () -> assertVerificationSays(auditor, "Entry " + target + " was changed after it was written"));
        tamper("DELETE FROM audit_entry WHERE sequence = " + target,
                () -> assertVerificationSays(auditor, "Entries " + target + " are missing"));
        tamper("UPDATE audit_entry SET sequence = -1 WHERE sequence = " + target + ";"
                        + "UPDATE audit_entry SET sequence = " + target + " WHERE sequence = " + (target + 1) + ";"
                        + "UPDATE audit_entry SET sequence = " + (target + 1) + " WHERE sequence = -1",
                () -> assertVerificationSays(auditor, "Entry " + target + " was written as entry " + (target + 1)));

        HttpResponse<String> signed = auditor.submit("/audit/index.xhtml", "verification", Map.of(), "checkpoint");
        long checkpoint = count("SELECT max(sequence) FROM audit_checkpoint");
        assertTrue(signed.body().contains("vouches for entries up to " + checkpoint), "the page shows the newest checkpoint");
        // Cut the tail off below the checkpoint and move the chain head back, as a careful attacker would.
        tamper("DELETE FROM audit_entry WHERE sequence >= " + (checkpoint - 1) + ";"
                        + "UPDATE audit_chain_head SET last_sequence = " + (checkpoint - 2)
                        + ", last_hash = (SELECT entry_hash FROM audit_entry WHERE sequence = " + (checkpoint - 2) + ")",
                () -> assertVerificationSays(auditor, "The chain ends at " + (checkpoint - 2) + " but ")); // the checkpoint, or the witnessed head

        assertVerificationSays(auditor, "the chain is intact"); // restored, it verifies again
    }

    /** Runs {@code sql} as a superuser bypassing the triggers, checks, then puts the rows back. */
    static void tamper(String sql, ThrowingCheck check) throws Exception {
        try (Connection dba = TestDatabase.connectAsSuperuser(); Statement statement = dba.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE untouched AS SELECT * FROM audit_entry");
            statement.execute("SET session_replication_role = replica");
            statement.execute(sql);
            try {
                check.run();
            } finally {
                // Entries appended since (the verifications) stay; the tampered ones go back as they were.
                statement.execute("DELETE FROM audit_entry a WHERE a.sequence <= (SELECT max(sequence) FROM untouched)"
                        + " AND NOT EXISTS (SELECT 1 FROM untouched u WHERE u.sequence = a.sequence"
                        + " AND u.entry_hash = a.entry_hash AND u.target_name IS NOT DISTINCT FROM a.target_name)");
                statement.execute("INSERT INTO audit_entry SELECT * FROM untouched u WHERE NOT EXISTS"
                        + " (SELECT 1 FROM audit_entry a WHERE a.sequence = u.sequence)");
                statement.execute("UPDATE audit_chain_head SET (last_sequence, last_hash) ="
                        + " (SELECT sequence, entry_hash FROM audit_entry ORDER BY sequence DESC LIMIT 1)");
                statement.execute("SET session_replication_role = DEFAULT");
            }
        }
    }

    @FunctionalInterface
    interface ThrowingCheck {
        void run() throws Exception;
    }
}
