package dev.capstan.bench.audit;

import dev.capstan.audit.entity.Actor;
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
import java.util.List;

/**
 * A project change with and without its audit entry, at the JDBC level, in the statements the
 * server sends for {@code PUT /api/v1/projects/{key}/services/{name}}. Each JMH thread changes its
 * own service row, so the changes themselves never contend; only the chain head does.
 *
 * <ul>
 * <li>{@link #unaudited}: read the service (the version check), update it with its version, commit.
 * <li>{@link #audited}: the same, then the append as AuditTrail does it: lock the chain head,
 * {@code SELECT clock_timestamp()}, hash ({@link AuditRecord#next}), insert the entry (the V7_1
 * trigger checks its time), move the head (sequence, hash, time), commit. The head stays locked
 * from its SELECT ... FOR NO KEY UPDATE (what Hibernate sends for PESSIMISTIC_WRITE) to the commit.
 * </ul>
 * Run with {@code -t 1}, {@code -t 8} and {@code -t 32}. Goal: audited >= 0.5x unaudited at 8 threads.
 *
 * <p>For finding out where the time goes (bench/README.md), not for the figures:
 * {@code -jvmArgsAppend -Dbench.synchronous_commit=off} sets PostgreSQL's synchronous_commit on
 * each connection (a commit no longer waits for the WAL's fsync), {@code -Dbench.trigger=false}
 * drops the V7_1 trigger.
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
                // Not Capstan's: where a deferred chain would take entries in the caller's transaction (auditedUnchained).
                statement.execute("CREATE TABLE audit_entry_pending (LIKE audit_entry INCLUDING DEFAULTS)");
                statement.execute("CREATE SEQUENCE audit_entry_pending_id");
                statement.execute("ALTER TABLE audit_entry_pending ALTER COLUMN sequence SET DEFAULT nextval('audit_entry_pending_id'),"
                        + " ALTER COLUMN occurred_at SET DEFAULT clock_timestamp(), ALTER COLUMN previous_hash DROP NOT NULL,"
                        + " ALTER COLUMN entry_hash DROP NOT NULL, ADD PRIMARY KEY (sequence)");
                if ("false".equals(System.getProperty("bench.trigger"))) {
                    statement.execute("DROP TRIGGER audit_entry_dated_by_database ON audit_entry");
                }
            }
        }
    }

    /** One thread's connection (the server's pool gives each request its own) and its own service. */
    @State(Scope.Thread)
    public static class Client {

        private Connection connection;
        private PreparedStatement readService;
        private PreparedStatement updateService;
        private PreparedStatement lockHead;
        private PreparedStatement databaseClock;
        private PreparedStatement insertEntry;
        private PreparedStatement moveHead;
        private PreparedStatement lockHeadWithClock;
        private PreparedStatement insertEntryAndMoveHead;
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
            String synchronousCommit = System.getProperty("bench.synchronous_commit");
            if (synchronousCommit != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET synchronous_commit = " + (synchronousCommit.equals("off") ? "off" : "on"));
                }
            }
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
            lockHead = connection.prepareStatement("SELECT last_sequence, last_hash, last_time FROM audit_chain_head WHERE id = 1 FOR NO KEY UPDATE");
            databaseClock = connection.prepareStatement("SELECT clock_timestamp()");
            insertEntry = connection.prepareStatement("INSERT INTO audit_entry (sequence, occurred_at, actor_kind, actor_name,"
                    + " actor_roles, action, target_type, target_id, target_name, project, environment, outcome, client_address,"
                    + " user_agent, request_id, details, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            moveHead = connection.prepareStatement("UPDATE audit_chain_head SET last_sequence = ?, last_hash = ?, last_time = ? WHERE id = 1");
            // clock_timestamp() is evaluated again after a wait for the lock if the holder moved the head
            // (EvalPlanQual re-reads the newest row version); after a holder that rolled back it is the
            // time from before the wait (tried by hand on PostgreSQL 15). Good enough to measure with.
            lockHeadWithClock = connection.prepareStatement("SELECT last_sequence, last_hash, last_time, clock_timestamp()"
                    + " FROM audit_chain_head WHERE id = 1 FOR NO KEY UPDATE");
            insertPending = connection.prepareStatement("INSERT INTO audit_entry_pending (actor_kind, actor_name, actor_roles,"
                    + " action, target_type, target_id, target_name, project, environment, outcome, client_address, user_agent,"
                    + " request_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertEntryAndMoveHead = connection.prepareStatement("WITH entry AS (INSERT INTO audit_entry (sequence, occurred_at,"
                    + " actor_kind, actor_name, actor_roles, action, target_type, target_id, target_name, project, environment,"
                    + " outcome, client_address, user_agent, request_id, details, previous_hash, entry_hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING sequence, entry_hash, occurred_at)"
                    + " UPDATE audit_chain_head SET last_sequence = entry.sequence, last_hash = entry.entry_hash,"
                    + " last_time = entry.occurred_at FROM entry WHERE id = 1");
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

        /** AuditTrail#append in JDBC: the head is locked from here to the commit. */
        String append(String[] image) throws Exception {
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
            Instant now;
            try (ResultSet clock = databaseClock.executeQuery()) {
                clock.next();
                now = clock.getTimestamp(1).toInstant();
            }
            AuditRecord record = record(image, last, lastHash, lastTime, now);
            AppendBenchmark.bind(insertEntry, record);
            insertEntry.executeUpdate();
            moveHead.setLong(1, record.sequence());
            moveHead.setString(2, record.hash());
            moveHead.setTimestamp(3, Timestamp.from(record.time()));
            moveHead.executeUpdate();
            return record.hash();
        }

        /** The same append in three round trips under the lock instead of five: head and clock, entry and head, commit. */
        String appendInFewerRoundTrips(String[] image) throws Exception {
            AuditRecord record;
            try (ResultSet head = lockHeadWithClock.executeQuery()) {
                head.next();
                Timestamp time = head.getTimestamp(3);
                record = record(image, head.getLong(1), head.getString(2), time == null ? null : time.toInstant(),
                        head.getTimestamp(4).toInstant());
            }
            AppendBenchmark.bind(insertEntryAndMoveHead, record);
            insertEntryAndMoveHead.executeUpdate();
            return record.hash();
        }

        /** The entry without its place in the chain: no lock, dated by the database, hashed later by one chainer. */
        void insertUnchained(String[] image) throws Exception {
            AuditRecord record = record(image, 0, AuditRecord.GENESIS, null, Instant.EPOCH);
            String[] values = {record.actorKind().name(), record.actorName(), String.join(",", record.actorRoles()),
                    record.action(), record.targetType(), record.targetId(), record.targetName(), record.project(),
                    record.environment(), record.outcome().name(), record.clientAddress(), record.userAgent(),
                    record.requestId(), record.details()};
            for (int i = 0; i < values.length; i++) {
                insertPending.setString(i + 1, values[i]);
            }
            insertPending.executeUpdate();
        }

        /** The next entry, dated as AuditChainHead#append dates it: never before the newest entry. */
        private AuditRecord record(String[] image, long last, String lastHash, Instant lastTime, Instant now) {
            Instant time = lastTime != null && now.isBefore(lastTime) ? lastTime : now;
            AuditEvent event = AuditEvent.of("service.updated").on("service", id, name).in("shop", null);
            String details = "{\"changes\":{\"image\":{\"after\":\"" + image[1] + "\",\"before\":\"" + image[0] + "\"}}}";
            return AuditRecord.next(last + 1, lastHash, time, actor, event, AuditOutcome.SUCCEEDED, origin, details);
        }
    }

    @Benchmark
    public String unaudited(Client client) throws Exception {
        String[] image = client.changeService();
        client.connection.commit();
        return image[1];
    }

    @Benchmark
    public String audited(Client client) throws Exception {
        String hash = client.append(client.changeService());
        client.connection.commit();
        return hash;
    }

    /**
     * Not the server's way: what fewer round trips under the lock would give (the clock read with
     * the lock, the entry inserted and the head moved in one statement). The head is still locked
     * until the commit.
     */
    @Benchmark
    public String auditedFewerRoundTrips(Client client) throws Exception {
        String hash = client.appendInFewerRoundTrips(client.changeService());
        client.connection.commit();
        return hash;
    }

    /**
     * Not the server's way: what the caller would pay if its transaction only inserted the entry,
     * unchained and unlocked, and one chainer linked such entries into the chain afterwards, many
     * per lock and commit (the chainer's own cost is not measured here).
     */
    @Benchmark
    public String auditedUnchained(Client client) throws Exception {
        String[] image = client.changeService();
        client.insertUnchained(image);
        client.connection.commit();
        return image[1];
    }
}
