package dev.capstan.it.audit;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.entity.Actor;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.audit.entity.AuditRecord;
import dev.capstan.audit.entity.AuditRows;
import dev.capstan.audit.entity.RequestOrigin;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static dev.capstan.it.audit.Verifications.KEYS;
import static dev.capstan.it.audit.Verifications.Verdict;
import static dev.capstan.it.audit.Verifications.assertVerificationSays;
import static dev.capstan.it.audit.Verifications.offlineVerify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks of the threat model, on the live server: a database superuser (capstan_dba) who can
 * rewrite rows but holds neither the signing key nor the witness file beside it, the role the
 * server runs as, and a busy server. Each case is checked by the server's "Verify now" and by the
 * offline verifier on an export, which must agree.
 */
class AuditTamperIT extends PortalTest {


    @Test
    void checkpointsDeletedToHideARewrittenChainAreMissingFromTheWitness() throws Exception {
        PortalClient auditor = signedIn("tamper-checkpoints", GlobalRole.AUDITOR);
        sign(auditor);
        long checkpoint = count("SELECT max(sequence) FROM audit_checkpoint");
        sign(auditor);
        long newest = count("SELECT max(sequence) FROM audit_checkpoint");
        assertTrue(newest > checkpoint);

        // Delete the checkpoints from `checkpoint` on, edit that entry, re-hash every later one and move the head.
        rewriting(() -> {
            execute("DELETE FROM audit_checkpoint WHERE sequence >= " + checkpoint);
            rewriteFrom(checkpoint, entry -> withTarget(entry, "someone-else"));
        }, () -> {
            assertVerificationSays(auditor, "The checkpoint at entry " + checkpoint);
            assertVerificationSays(auditor, "is missing from the database, though the server's witness file holds it");
            Verdict offline = offlineVerify(exportAll(auditor));
            assertEquals(1, offline.exitCode(), offline.output());
            assertTrue(offline.output().contains("The checkpoint at entry " + checkpoint), "the verifier agrees: " + offline.output());
        });
        withoutCheckpoints(() -> {
            assertVerificationSays(auditor, "is missing from the database, though the server's witness file holds it");
            String dashboard = auditor.get("/index.xhtml").body();
            assertTrue(dashboard.contains("DAMAGED when last verified"), "the dashboard shows the damage first:\n" + dashboard);
        });
        assertVerificationSays(auditor, "the chain is intact");
        assertTrue(auditor.get("/index.xhtml").body().contains("Intact when last verified"));
    }

    @Test
    void aTailCutAfterTheNewestCheckpointIsNeitherSignedNorHidden() throws Exception {
        PortalClient auditor = signedIn("tamper-tail", GlobalRole.AUDITOR);
        sign(auditor);
        long checkpoint = count("SELECT max(sequence) FROM audit_checkpoint");
        for (int attempt = 0; attempt < 6; attempt++) { // more entries after the checkpoint than the check below appends
            new PortalClient(URI.create(base.toString())).signIn("tamper-tail-" + attempt, "wrong-password");
        }
        long head = count("SELECT last_sequence FROM audit_chain_head");
        awaitWitnessedHead(head);

        // Cut the entries after the checkpoint and move the head back to it: no checkpoint vouches for them.
        AuditTrailIT.tamper("DELETE FROM audit_entry WHERE sequence > " + checkpoint + ";"
                + "UPDATE audit_chain_head SET last_sequence = " + checkpoint
                + ", last_hash = (SELECT entry_hash FROM audit_entry WHERE sequence = " + checkpoint + ")", () -> {
            HttpResponse<String> refused = auditor.submit("/audit/index.xhtml", "verification", Map.of(), "checkpoint");
            assertTrue(refused.body().contains("Not signed: the chain ends at entry " + checkpoint
                    + ", but this server saw it reach entry "), refused.body());
            assertEquals(checkpoint, count("SELECT max(sequence) FROM audit_checkpoint"), "the shortened chain was not signed");
            // The refusal and this verification are recorded after the cut, so the chain ends a little after it.
            assertVerificationSays(auditor, "but the chain head the server last saw (entry ", "were cut off");
            // The server will not close an export of the shortened chain with a checkpoint; the verifier says it is not proven.
            Verdict offline = offlineVerify(exportAll(auditor));
            assertEquals(1, offline.exitCode(), offline.output());
            assertTrue(offline.output().contains("completeness is not proven"), "the verifier agrees: " + offline.output());
        });
        assertVerificationSays(auditor, "the chain is intact");
    }

    @Test
    void signingACheckpointWhileSixClientsWriteSucceedsEveryTime() throws Exception {
        PortalClient auditor = signedIn("tamper-signer", GlobalRole.AUDITOR);
        List<PortalClient> writers = new ArrayList<>();
        for (int writer = 0; writer < 6; writer++) {
            PortalClient client = signedIn("busy-writer-" + writer, GlobalRole.USER);
            HttpResponse<String> project = client.call("POST", "/api/v1/projects", """
                    {"key": "busy-%d", "name": "Busy %d"}""".formatted(writer, writer));
            assertEquals(201, project.statusCode(), project.body());
            writers.add(client);
        }
        AtomicBoolean signing = new AtomicBoolean(true);
        AtomicInteger servicesCreated = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        List<Future<?>> running = new ArrayList<>();
        for (int writer = 0; writer < writers.size(); writer++) {
            PortalClient client = writers.get(writer);
            int project = writer;
            running.add(pool.submit(() -> {
                for (int service = 0; signing.get(); service++) {
                    HttpResponse<String> created = client.call("POST", "/api/v1/projects/busy-" + project + "/services", """
                            {"name": "svc-%d", "kind": "application", "image": "ghcr.io/acme/svc", "deployOrder": %d}"""
                            .formatted(service, service));
                    assertEquals(201, created.statusCode(), created.body());
                    servicesCreated.incrementAndGet();
                    // Removed again: a project holds at most 100 services, and a removal is an audited write too.
                    assertEquals(204, client.call("DELETE", "/api/v1/projects/busy-" + project + "/services/svc-" + service, null).statusCode());
                }
                return null;
            }));
        }
        int signed = 0;
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                if (auditor.submit("/audit/index.xhtml", "verification", Map.of(), "checkpoint").body()
                        .contains("Checkpoint signed at entry")) {
                    signed++;
                }
            }
        } finally {
            signing.set(false);
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        assertEquals(20, signed, "every checkpoint signed while " + servicesCreated.get() + " services were created");
        assertTrue(servicesCreated.get() > 20, "the writers were busy: " + servicesCreated.get());
        assertVerificationSays(auditor, "the chain is intact");
    }

    @Test
    void entriesAreDatedByTheDatabaseAndABackdatedOneIsFound() throws Exception {
        PortalClient auditor = signedIn("tamper-dates", GlobalRole.AUDITOR);
        AuditRecord newest = entry(count("SELECT last_sequence FROM audit_chain_head"));
        AuditRecord yesterday = AuditRecord.next(newest.sequence() + 1, newest.hash(), Instant.now().minus(Duration.ofDays(1)),
                Actor.user("tamper-dates", List.of("ADMIN")),
                AuditEvent.of("user.created").on("user", null, "backdoor"),
                AuditOutcome.SUCCEEDED, new RequestOrigin("10.6.6.6", "curl", "x"), "{}");

        // The role the server runs as may record, but not with a time of its own choosing: a pending entry
        // gets the database's time whatever is sent, and an entry enters the chain only from a pending one, with its time.
        try (Connection server = TestDatabase.connectAsServer(); Statement statement = server.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> insert(server, yesterday));
            assertTrue(refused.getMessage().contains("entries enter the chain only from audit_pending"), refused.getMessage());
            server.setAutoCommit(false);
            statement.execute("INSERT INTO audit_pending (occurred_at, actor_kind, actor_name, actor_roles, action, details, outcome)"
                    + " VALUES (now() - interval '1 day', 'USER', 'tamper-dates', 'ADMIN', 'user.created', '{}', 'SUCCEEDED')");
            try (ResultSet dated = statement.executeQuery("SELECT clock_timestamp() - occurred_at < interval '1 minute'"
                    + " FROM audit_pending WHERE actor_name = 'tamper-dates'")) {
                assertTrue(dated.next() && dated.getBoolean(1), "the pending entry carries the database's time, not yesterday");
            }
            server.rollback();
        }
        // A superuser can get past the trigger and re-hash the chain; verification names the entry dated before its predecessor.
        long head = count("SELECT last_sequence FROM audit_chain_head");
        awaitWitnessedHead(head);
        long victim = head - 2;
        rewriting(() -> rewriteFrom(victim, entry -> withTime(entry, entry.time().minus(Duration.ofDays(1)))), () -> {
            assertVerificationSays(auditor, "Entry " + victim + " is dated ");
            assertVerificationSays(auditor, "it was back-dated or inserted out of order");
            Verdict offline = offlineVerify(exportAll(auditor));
            assertEquals(1, offline.exitCode(), offline.output());
            assertTrue(offline.output().contains("Entry " + victim + " is dated "), "the verifier agrees: " + offline.output());
        });
        assertVerificationSays(auditor, "the chain is intact");
        try (Connection db = TestDatabase.connectToChain(); Statement statement = db.createStatement();
             ResultSet times = statement.executeQuery("SELECT occurred_at, now() FROM audit_entry ORDER BY sequence DESC LIMIT 1")) {
            times.next();
            assertTrue(Duration.between(times.getTimestamp(1).toInstant(), times.getTimestamp(2).toInstant()).abs().toMinutes() < 5,
                    "the newest entry carries the database's time");
        }
    }

    @Test
    void anExportsCompletenessIsProvenBySignatureNotByItsHeader() throws Exception {
        PortalClient auditor = signedIn("tamper-export", GlobalRole.AUDITOR);
        Path export = exportAll(auditor);
        Verdict complete = offlineVerify(export);
        assertEquals(0, complete.exitCode(), complete.output());
        assertTrue(complete.output().contains("the chain is intact and complete up to entry"), complete.output());

        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        List<String> flipped = new ArrayList<>(lines);
        flipped.set(0, flipped.get(0).replace("\"complete\":true", "\"complete\":false"));
        flipped.remove(flipped.size() - 3);
        Verdict excerpt = offlineVerify(Files.write(Path.of("target/audit-export-flipped.jsonl"), flipped));
        assertEquals(3, excerpt.exitCode(), excerpt.output());
        assertTrue(excerpt.output().contains("excerpt") || excerpt.output().contains("Excerpt"), excerpt.output());
        assertTrue(excerpt.output().contains("completeness not proven"), excerpt.output());

        List<String> stripped = new ArrayList<>(lines);
        stripped.removeIf(line -> line.contains("\"type\":\"checkpoint\""));
        stripped.remove(stripped.size() - 1);
        Verdict unproven = offlineVerify(Files.write(Path.of("target/audit-export-stripped.jsonl"), stripped));
        assertEquals(1, unproven.exitCode(), unproven.output());
        assertTrue(unproven.output().contains("completeness is not proven"), unproven.output());
    }

    // --- helpers

    private static void sign(PortalClient auditor) throws Exception {
        HttpResponse<String> signed = auditor.submit("/audit/index.xhtml", "verification", Map.of(), "checkpoint");
        assertTrue(signed.body().contains("Checkpoint signed at entry"), signed.body());
    }

    /** Waits until the witness holds a head at or after {@code sequence} (written every 2 s in tests). */
    private static void awaitWitnessedHead(long sequence) throws Exception {
        Path file = KEYS.resolve("audit-witness-head.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String head = Files.readString(file);
                if (Long.parseLong(head.replaceAll("(?s).*\"sequence\":(\\d+).*", "$1")) >= sequence) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the witness did not reach entry " + sequence + ": " + (Files.exists(file) ? Files.readString(file) : "no file"));
    }

    /** Changes entry {@code from} and re-links every later entry with fresh hashes, as a careful attacker would. */
    private static void rewriteFrom(long from, UnaryOperator<AuditRecord> change) throws SQLException {
        try (Connection dba = TestDatabase.connectAsSuperuser(); Statement statement = dba.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            List<AuditRecord> chain = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT " + AuditRows.COLUMNS + " FROM audit_entry WHERE sequence >= "
                    + (from - 1) + " ORDER BY sequence")) {
                Iterator<AuditRecord> entries = AuditRows.iterate(rows);
                entries.forEachRemaining(chain::add);
            }
            String previous = chain.get(0).hash();
            for (AuditRecord entry : chain.subList(1, chain.size())) {
                AuditRecord changed = entry.sequence() == from ? change.apply(entry) : entry;
                AuditRecord rewritten = new AuditRecord(changed.sequence(), changed.time(), changed.actorKind(), changed.actorName(),
                        changed.actorRoles(), changed.action(), changed.targetType(), changed.targetId(), changed.targetName(),
                        changed.project(), changed.environment(), changed.outcome(), changed.clientAddress(), changed.userAgent(),
                        changed.requestId(), changed.details(), previous, null);
                rewritten = rewritten.withHash(rewritten.computeHash());
                try (PreparedStatement update = dba.prepareStatement(
                        "UPDATE audit_entry SET occurred_at = ?, target_name = ?, previous_hash = ?, entry_hash = ? WHERE sequence = ?")) {
                    update.setTimestamp(1, Timestamp.from(rewritten.time()));
                    update.setString(2, rewritten.targetName());
                    update.setString(3, rewritten.previousHash());
                    update.setString(4, rewritten.hash());
                    update.setLong(5, rewritten.sequence());
                    update.executeUpdate();
                }
                previous = rewritten.hash();
            }
            statement.execute("UPDATE audit_chain_head SET last_hash = '" + previous + "'");
        }
    }

    private static AuditRecord withTarget(AuditRecord entry, String targetName) {
        return new AuditRecord(entry.sequence(), entry.time(), entry.actorKind(), entry.actorName(), entry.actorRoles(),
                entry.action(), entry.targetType(), entry.targetId(), targetName, entry.project(), entry.environment(),
                entry.outcome(), entry.clientAddress(), entry.userAgent(), entry.requestId(), entry.details(), entry.previousHash(),
                entry.hash());
    }

    private static AuditRecord withTime(AuditRecord entry, Instant time) {
        return new AuditRecord(entry.sequence(), time, entry.actorKind(), entry.actorName(), entry.actorRoles(),
                entry.action(), entry.targetType(), entry.targetId(), entry.targetName(), entry.project(), entry.environment(),
                entry.outcome(), entry.clientAddress(), entry.userAgent(), entry.requestId(), entry.details(), entry.previousHash(),
                entry.hash());
    }

    private static void execute(String sql) throws SQLException {
        try (Connection dba = TestDatabase.connectAsSuperuser(); Statement statement = dba.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute(sql);
        }
    }

    /**
     * Tampers as a superuser, checks, then puts the trail back exactly as it was before: entries,
     * checkpoints and head. What the server recorded meanwhile (the checks' own verifications,
     * chained onto the forged entries) goes too. While the chain is rewritten or behind, the server
     * does not move its witness, so the witness stays true to the restored trail.
     */
    private static void rewriting(ThrowingRun tamper, ThrowingRun check) throws Exception {
        try (Connection dba = TestDatabase.connectAsSuperuser(); Statement statement = dba.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE saved_entry AS SELECT * FROM audit_entry");
            statement.execute("CREATE TEMPORARY TABLE saved_checkpoint AS SELECT * FROM audit_checkpoint");
            statement.execute("CREATE TEMPORARY TABLE saved_head AS SELECT * FROM audit_chain_head");
            try {
                tamper.run();
                check.run();
            } finally {
                statement.execute("SET session_replication_role = replica");
                statement.execute("DELETE FROM audit_entry");
                statement.execute("INSERT INTO audit_entry SELECT * FROM saved_entry");
                statement.execute("DELETE FROM audit_checkpoint");
                statement.execute("INSERT INTO audit_checkpoint SELECT * FROM saved_checkpoint");
                statement.execute("DELETE FROM audit_chain_head");
                statement.execute("INSERT INTO audit_chain_head SELECT * FROM saved_head");
                statement.execute("SET session_replication_role = DEFAULT");
            }
        }
    }

    /** Deletes every checkpoint row (the chain stays as it is), checks, and puts them back. */
    private static void withoutCheckpoints(ThrowingRun check) throws Exception {
        try (Connection dba = TestDatabase.connectAsSuperuser(); Statement statement = dba.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE saved_checkpoint AS SELECT * FROM audit_checkpoint");
            statement.execute("SET session_replication_role = replica");
            statement.execute("DELETE FROM audit_checkpoint");
            try {
                check.run();
            } finally {
                statement.execute("INSERT INTO audit_checkpoint SELECT * FROM saved_checkpoint s"
                        + " WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoint c WHERE c.id = s.id)");
                statement.execute("SET session_replication_role = DEFAULT");
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingRun {
        void run() throws Exception;
    }

    private static AuditRecord entry(long sequence) throws SQLException {
        try (Connection db = TestDatabase.connectToChain(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + AuditRows.COLUMNS + " FROM audit_entry WHERE sequence = " + sequence)) {
            return AuditRows.iterate(rows).next();
        }
    }

    private static void insert(Connection db, AuditRecord entry) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO audit_entry (" + AuditRows.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.sequence());
            insert.setTimestamp(2, Timestamp.from(entry.time()));
            insert.setString(3, entry.actorKind().name());
            insert.setString(4, entry.actorName());
            insert.setString(5, String.join(",", entry.actorRoles()));
            insert.setString(6, entry.action());
            insert.setString(7, entry.targetType());
            insert.setString(8, entry.targetId());
            insert.setString(9, entry.targetName());
            insert.setString(10, entry.project());
            insert.setString(11, entry.environment());
            insert.setString(12, entry.outcome().name());
            insert.setString(13, entry.clientAddress());
            insert.setString(14, entry.userAgent());
            insert.setString(15, entry.requestId());
            insert.setString(16, entry.details());
            insert.setString(17, entry.previousHash());
            insert.setString(18, entry.hash());
            insert.executeUpdate();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = TestDatabase.connectToChain(); Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Path exportAll(PortalClient auditor) throws Exception {
        HttpResponse<String> export = auditor.submit("/audit/index.xhtml", "log", Map.of(), "exportJsonl");
        assertEquals(200, export.statusCode());
        return Files.writeString(Path.of("target/audit-export-" + System.nanoTime() + ".jsonl"), export.body(), StandardCharsets.UTF_8);
    }
}
