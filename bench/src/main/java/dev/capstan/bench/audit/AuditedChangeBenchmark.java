package dev.capstan.bench.audit;

import dev.capstan.audit.entity.Actor;
import dev.capstan.audit.entity.ActorKind;
import dev.capstan.audit.entity.AuditEntry;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.audit.entity.AuditRecord;
import dev.capstan.audit.entity.RequestOrigin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A project change with and without its audit entry, at the JDBC level, in the statements the
 * server sends for {@code PUT /api/v1/projects/{key}/services/{name}}. Each JMH thread changes its
 * own service row, so the changes themselves never contend; only the chain head does.
 *
 * <ul>
 * <li>{@link #unaudited}: read the service (the version check), update it with its version, commit.
 * <li>{@link #audited}: the same, with the entry inserted into {@code audit_pending} before the
 * commit (no lock; the V8_1 trigger dates it), then a linking run asked for, as AuditChainer does
 * after a commit: on a thread of its own, one run at a time locks the head, links every committed
 * pending entry (hash, insert into {@code audit_entry} under the V8_1 trigger, move the head,
 * remove the pending rows) and commits, as PendingEntries does. Its work competes with the
 * changes for the CPUs and the database, as in the server.
 * <li>{@link #auditedWaitingForLink}: not the server's way; each change also waits for its run.
 * </ul>
 * Run with {@code -t 1}, {@code -t 8} and {@code -t 32}. Goal: audited >= 0.5x unaudited at 8 threads.
 *
 * <p>{@code -jvmArgsAppend -Dbench.synchronous_commit=off} sets PostgreSQL's synchronous_commit on
 * each connection (a commit no longer waits for the WAL's fsync), to see what the flushes cost.
 */
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class AuditedChangeBenchmark {

    /** More rows than threads: each thread takes the row of its index. */
    static final int SERVICES = 64;

    /** The database, made once per trial from Capstan's migrations, with one project of {@link #SERVICES} services. */
    @State(Scope.Benchmark)
    public static class Database {

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            BenchDatabase.recreateForChanges();
            try (Connection connection = BenchDatabase.connect(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO project (id, project_key, name, created_at) VALUES (1, 'shop', 'Shop', now())");
                statement.execute("INSERT INTO project_service (project_id, name, kind, essential, image, deploy_order,"
                        + " liveness_url, liveness_status) SELECT 1, 'service-' || s, 'APPLICATION', true,"
                        + " 'ghcr.io/acme/shop:1', s, '/health/live', 200 FROM generate_series(0, " + (SERVICES - 1) + ") s");
                statement.execute("ANALYZE");
            }
            linker = new Linker(BenchDatabase.connect());
        }

        Linker linker;

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            linker.thread.shutdown();
            linker.thread.awaitTermination(1, TimeUnit.MINUTES);
            linker.connection.close();
        }
    }

    /** One thread's connection (the server's pool gives each request its own) and its own service. */
    @State(Scope.Thread)
    public static class Client {

        private Connection connection;
        private PreparedStatement readService;
        private PreparedStatement updateService;
        private PreparedStatement insertPending;
        private String name;
        private long id;
        private long change;
        private final Actor actor = Actor.user("maintainer", List.of("USER"));
        private final RequestOrigin origin = new RequestOrigin("127.0.0.1", "Java-http-client/17", "3b1f0c9e-7f4e-4c61-9d1e-2f0b6a0c9a11");

        @Setup(Level.Trial)
        public void setUp(Database database, ThreadParams thread) throws Exception {
            name = "service-" + thread.getThreadIndex();
            connection = BenchDatabase.connect();
            synchronousCommit(connection);
            connection.setAutoCommit(false);
            try (PreparedStatement find = connection.prepareStatement("SELECT id FROM project_service WHERE project_id = 1 AND name = ?")) {
                find.setString(1, name);
                try (ResultSet row = find.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            connection.commit();
            readService = connection.prepareStatement("SELECT version, image FROM project_service WHERE id = ?");
            updateService = connection.prepareStatement("UPDATE project_service SET image = ?, version = ? WHERE id = ? AND version = ?");
            insertPending = connection.prepareStatement("INSERT INTO audit_pending (actor_kind, actor_name, actor_roles,"
                    + " action, target_type, target_id, target_name, project, environment, outcome, client_address, user_agent,"
                    + " request_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            connection.close();
        }

        /** The change itself: the image before and after, as the entry's details name them. */
        String[] changeService() throws Exception {
            long version;
            String before;
            readService.setLong(1, id);
            try (ResultSet row = readService.executeQuery()) {
                row.next();
                version = row.getLong(1);
                before = row.getString(2);
            }
            String after = "ghcr.io/acme/shop:" + (++change);
            updateService.setString(1, after);
            updateService.setLong(2, version + 1);
            updateService.setLong(3, id);
            updateService.setLong(4, version);
            if (updateService.executeUpdate() != 1) {
                throw new IllegalStateException(name + " changed under us");
            }
            return new String[]{before, after};
        }

        /** AuditTrail#append in JDBC: the entry, pending, in the caller's transaction; no lock. */
        void recordPending(String[] image) throws Exception {
            AuditEvent event = AuditEvent.of("service.updated").on("service", id, name).in("shop", null);
            String details = "{\"changes\":{\"image\":{\"after\":\"" + image[1] + "\",\"before\":\"" + image[0] + "\"}}}";
            String[] values = {actor.kind().name(), actor.name(), String.join(",", actor.roles()), event.action(),
                    event.target().type(), event.target().id(), event.target().name(), event.project(), event.environment(),
                    AuditOutcome.SUCCEEDED.name(), origin.clientAddress(), origin.userAgent(), origin.requestId(), details};
            for (int i = 0; i < values.length; i++) {
                insertPending.setString(i + 1, values[i]);
            }
            insertPending.executeUpdate();
        }
    }

    /**
     * AuditChainer and PendingEntries in JDBC: runs one at a time; every entry committed before a
     * run starts is linked by it, in one transaction (one lock of the head, one commit).
     */
    static final class Linker {

        private final Connection connection;
        private final PreparedStatement lockHead;
        private final PreparedStatement readPending;
        private final PreparedStatement moveHead;
        private final PreparedStatement removePending;
        private long requested;
        private long started;
        private long finished;
        private boolean running;

        Linker(Connection connection) throws Exception {
            this.connection = connection;
            synchronousCommit(connection);
            connection.setAutoCommit(false);
            lockHead = connection.prepareStatement("SELECT last_sequence, last_hash, last_time FROM audit_chain_head WHERE id = 1 FOR NO KEY UPDATE");
            readPending = connection.prepareStatement("SELECT id, occurred_at, actor_kind, actor_name, actor_roles, action, target_type,"
                    + " target_id, target_name, project, environment, outcome, client_address, user_agent, request_id, details"
                    + " FROM audit_pending ORDER BY id FETCH FIRST 500 ROWS ONLY");
            moveHead = connection.prepareStatement("UPDATE audit_chain_head SET last_sequence = ?, last_hash = ?, last_time = ? WHERE id = 1");
            removePending = connection.prepareStatement("DELETE FROM audit_pending WHERE id = ANY (?)");
        }

        private final ExecutorService thread = Executors.newSingleThreadExecutor();

        /** Asks for a run that starts from now on, on the linker's own thread; returns its number at once. */
        long requestRun() {
            synchronized (this) {
                requested = started + 1;
                if (!running) {
                    running = true;
                    thread.execute(this::runWhileRequested);
                }
                return requested;
            }
        }

        /** Waits until run {@code run} has finished. */
        synchronized void awaitRun(long run) throws InterruptedException {
            while (finished < run) {
                wait();
            }
        }

        private void runWhileRequested() {
            while (true) {
                long run;
                synchronized (this) {
                    if (started >= requested) {
                        running = false;
                        return;
                    }
                    run = ++started;
                }
                try {
                    linkPending();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    synchronized (this) {
                        finished = run;
                        notifyAll();
                    }
                }
            }
        }

        private void linkPending() throws Exception {
            long last;
            String lastHash;
            Instant lastTime;
            try (ResultSet head = lockHead.executeQuery()) {
                head.next();
                last = head.getLong(1);
                lastHash = head.getString(2);
                Timestamp time = head.getTimestamp(3);
                lastTime = time == null ? null : time.toInstant();
            }
            List<Long> ids = new ArrayList<>();
            List<AuditRecord> linked = new ArrayList<>();
            try (ResultSet pending = readPending.executeQuery()) {
                while (pending.next()) {
                    Instant at = pending.getTimestamp(2).toInstant();
                    AuditRecord unlinked = new AuditRecord(0, at, ActorKind.valueOf(pending.getString(3)), pending.getString(4),
                            AuditEntry.roles(pending.getString(5)), pending.getString(6), pending.getString(7), pending.getString(8),
                            pending.getString(9), pending.getString(10), pending.getString(11), AuditOutcome.valueOf(pending.getString(12)),
                            pending.getString(13), pending.getString(14), pending.getString(15), pending.getString(16), null, null);
                    AuditRecord record = unlinked.linked(last + 1, lastHash, lastTime != null && at.isBefore(lastTime) ? lastTime : at);
                    linked.add(record);
                    ids.add(pending.getLong(1));
                    last = record.sequence();
                    lastHash = record.hash();
                    lastTime = record.time();
                }
            }
            if (!ids.isEmpty()) {
                // as PendingEntries does: one multi-row INSERT (the database checks a statement's entries at once)
                String row = "(" + String.join(", ", Collections.nCopies(19, "?")) + ")";
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (sequence, occurred_at,"
                        + " actor_kind, actor_name, actor_roles, action, target_type, target_id, target_name, project, environment,"
                        + " outcome, client_address, user_agent, request_id, details, previous_hash, entry_hash, pending_id) VALUES "
                        + String.join(", ", Collections.nCopies(linked.size(), row)))) {
                    for (int i = 0; i < linked.size(); i++) {
                        AuditRecord record = linked.get(i);
                        int at = i * 19;
                        insert.setLong(at + 1, record.sequence());
                        insert.setObject(at + 2, record.time().atOffset(ZoneOffset.UTC));
                        String[] texts = {record.actorKind().name(), record.actorName(), String.join(",", record.actorRoles()),
                                record.action(), record.targetType(), record.targetId(), record.targetName(), record.project(),
                                record.environment(), record.outcome().name(), record.clientAddress(), record.userAgent(),
                                record.requestId(), record.details(), record.previousHash(), record.hash()};
                        for (int t = 0; t < texts.length; t++) {
                            insert.setString(at + 3 + t, texts[t]);
                        }
                        insert.setLong(at + 19, ids.get(i));
                    }
                    insert.executeUpdate();
                }
                moveHead.setLong(1, last);
                moveHead.setString(2, lastHash);
                moveHead.setTimestamp(3, Timestamp.from(lastTime));
                moveHead.executeUpdate();
                removePending.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                removePending.executeUpdate();
            }
            connection.commit();
        }
    }

    static void synchronousCommit(Connection connection) throws Exception {
        String synchronousCommit = System.getProperty("bench.synchronous_commit");
        if (synchronousCommit != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit = " + (synchronousCommit.equals("off") ? "off" : "on"));
            }
        }
    }

    @Benchmark
    public String unaudited(Client client) throws Exception {
        String[] image = client.changeService();
        client.connection.commit();
        return image[1];
    }

    /** The server's way: the action answers after its commit; the linker links on its own thread meanwhile. */
    @Benchmark
    public String audited(Database database, Client client) throws Exception {
        String[] image = client.changeService();
        client.recordPending(image);
        client.connection.commit();
        database.linker.requestRun();
        return image[1];
    }

    /** Not the server's way: the action answers only once its entry is linked (read-your-writes by waiting). */
    @Benchmark
    public String auditedWaitingForLink(Database database, Client client) throws Exception {
        String[] image = client.changeService();
        client.recordPending(image);
        client.connection.commit();
        database.linker.awaitRun(database.linker.requestRun());
        return image[1];
    }
}
