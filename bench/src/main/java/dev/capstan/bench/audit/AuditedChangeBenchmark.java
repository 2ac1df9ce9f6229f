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
 * A service change with and without its audit entry, at the JDBC level, in exactly the statements
 * the server sends for {@code PUT /api/v1/projects/{key}/services/{name}} (read from PostgreSQL's
 * log with {@code log_statement = all} while {@code ApiLoad} ran): the pool's {@code SELECT 1}
 * check, the project locked by key, its members with their users, the caller's roles, the
 * project's services, the service's smoke checks, the update with its version, and, audited, the
 * entry into {@code audit_pending} (Hibernate's {@code RETURNING *}), then the commit. Each JMH
 * thread is its own user changing the one service of its own project (as ApiLoad's clients do),
 * so changes never contend with each other; only the chain head can.
 *
 * <ul>
 * <li>{@link #unaudited}: the change without the entry.
 * <li>{@link #audited}: the change with its entry inserted into {@code audit_pending} before the
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

    /** More projects than threads: each thread takes the project of its index. */
    static final int PROJECTS = 64;

    /** The database, made once per trial from Capstan's migrations: {@link #PROJECTS} projects, each with one service and one member. */
    @State(Scope.Benchmark)
    public static class Database {

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            BenchDatabase.recreateForChanges();
            try (Connection connection = BenchDatabase.connect(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO capstan_user (id, username, display_name, password_hash, must_change_password, enabled,"
                        + " created_at, password_changed_at) SELECT p, 'bench-' || p, 'Bench ' || p, 'pbkdf2', false, true, now(), now()"
                        + " FROM generate_series(1, " + PROJECTS + ") p");
                statement.execute("INSERT INTO capstan_user_role (user_id, role) SELECT p, 'USER' FROM generate_series(1, " + PROJECTS + ") p");
                statement.execute("INSERT INTO project (id, project_key, name, created_at) SELECT p, 'shop-' || p, 'Shop ' || p, now()"
                        + " FROM generate_series(1, " + PROJECTS + ") p");
                statement.execute("INSERT INTO project_membership (project_id, user_id, role, production_deploys)"
                        + " SELECT p, p, 'MAINTAINER', true FROM generate_series(1, " + PROJECTS + ") p");
                statement.execute("INSERT INTO project_service (project_id, name, kind, essential, image, deploy_order,"
                        + " liveness_url, liveness_status) SELECT p, 'web', 'APPLICATION', true,"
                        + " 'ghcr.io/acme/shop:1', 10, '/health/live', 200 FROM generate_series(1, " + PROJECTS + ") p");
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

    /** One thread's connection (the server's pool gives each request its own), user and project. */
    @State(Scope.Thread)
    public static class Client {

        private Connection connection;
        private PreparedStatement validate;
        private PreparedStatement lockProject;
        private PreparedStatement readMembers;
        private PreparedStatement readRoles;
        private PreparedStatement readServices;
        private PreparedStatement readSmokeChecks;
        private PreparedStatement updateService;
        private PreparedStatement insertPending;
        private String projectKey;
        private long change;
        private final RequestOrigin origin = new RequestOrigin("127.0.0.1", "Java-http-client/17", "3b1f0c9e-7f4e-4c61-9d1e-2f0b6a0c9a11");

        @Setup(Level.Trial)
        public void setUp(Database database, ThreadParams thread) throws Exception {
            projectKey = "shop-" + (thread.getThreadIndex() + 1);
            connection = BenchDatabase.connect();
            synchronousCommit(connection);
            connection.setAutoCommit(false);
            validate = connection.prepareStatement("SELECT 1");
            lockProject = connection.prepareStatement("select p1_0.id,p1_0.archived,p1_0.created_at,p1_0.description,p1_0.project_key,"
                    + "p1_0.name,p1_0.owning_team,p1_0.version from project p1_0 where p1_0.project_key=? for no key update");
            readMembers = connection.prepareStatement("select m1_0.project_id,m1_0.id,m1_0.production_deploys,m1_0.role,m1_0.user_id,"
                    + "u1_0.id,u1_0.created_at,u1_0.display_name,u1_0.enabled,u1_0.failed_sign_ins,u1_0.last_sign_in_at,u1_0.locked_until,"
                    + "u1_0.must_change_password,u1_0.password_changed_at,u1_0.password_hash,u1_0.username,u1_0.version,m1_0.version"
                    + " from project_membership m1_0 left join capstan_user u1_0 on u1_0.id=m1_0.user_id where m1_0.project_id=?");
            readRoles = connection.prepareStatement("select r1_0.user_id,r1_0.role from capstan_user_role r1_0 where r1_0.user_id=?");
            readServices = connection.prepareStatement("select s1_0.project_id,s1_0.id,s1_0.default_ref,s1_0.deploy_order,s1_0.essential,"
                    + "s1_0.image,s1_0.kind,s1_0.liveness_expectations,s1_0.liveness_status,s1_0.liveness_url,s1_0.name,"
                    + "s1_0.readiness_expectations,s1_0.readiness_status,s1_0.readiness_url,s1_0.source_repository,s1_0.version"
                    + " from project_service s1_0 where s1_0.project_id=?");
            readSmokeChecks = connection.prepareStatement("select sc1_0.service_id,sc1_0.sort_index,sc1_0.body_contains,"
                    + "sc1_0.expected_status,sc1_0.method,sc1_0.path from service_smoke_check sc1_0 where sc1_0.service_id=?");
            updateService = connection.prepareStatement("update project_service set default_ref=?,deploy_order=?,essential=?,image=?,"
                    + "kind=?,liveness_expectations=?,liveness_status=?,liveness_url=?,readiness_expectations=?,readiness_status=?,"
                    + "readiness_url=?,source_repository=?,version=? where id=? and version=?");
            insertPending = connection.prepareStatement("insert into audit_pending (action,actor_kind,actor_name,actor_roles,"
                    + "client_address,details,environment,outcome,project,request_id,target_id,target_name,target_type,user_agent)"
                    + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING *");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            connection.close();
        }

        /** The change itself, up to its commit: what the entry's details name (service, image before and after, user). */
        Object[] changeService() throws Exception {
            try (ResultSet valid = validate.executeQuery()) {
                valid.next();
            }
            long project;
            lockProject.setString(1, projectKey);
            try (ResultSet row = lockProject.executeQuery()) {
                row.next();
                project = row.getLong(1);
            }
            long user = 0;
            String username = null;
            readMembers.setLong(1, project);
            try (ResultSet row = readMembers.executeQuery()) {
                while (row.next()) {
                    user = row.getLong(6);
                    username = row.getString(16);
                }
            }
            List<String> roles = new ArrayList<>();
            readRoles.setLong(1, user);
            try (ResultSet row = readRoles.executeQuery()) {
                while (row.next()) {
                    roles.add(row.getString(2));
                }
            }
            long service;
            long version;
            String before;
            readServices.setLong(1, project);
            try (ResultSet row = readServices.executeQuery()) {
                row.next();
                service = row.getLong(2);
                before = row.getString(6);
                version = row.getLong(16);
            }
            readSmokeChecks.setLong(1, service);
            try (ResultSet row = readSmokeChecks.executeQuery()) {
                while (row.next()) {
                    row.getString(6);
                }
            }
            String after = "ghcr.io/acme/shop:" + (++change);
            Object[] values = {null, 10, true, after, "APPLICATION", null, 200, "/health/live", null, null, null, null,
                    version + 1, service, version};
            for (int i = 0; i < values.length; i++) {
                updateService.setObject(i + 1, values[i]);
            }
            if (updateService.executeUpdate() != 1) {
                throw new IllegalStateException(projectKey + " changed under us");
            }
            return new Object[]{service, before, after, Actor.user(username, roles)};
        }

        /** AuditTrail#append in JDBC, as Hibernate sends it: the entry, pending, in the caller's transaction; no lock. */
        void recordPending(Object[] change) throws Exception {
            Actor actor = (Actor) change[3];
            AuditEvent event = AuditEvent.of("service.updated").on("service", (Long) change[0], "web").in(projectKey, null);
            String details = "{\"changes\":{\"image\":{\"after\":\"" + change[2] + "\",\"before\":\"" + change[1] + "\"}}}";
            String[] values = {event.action(), actor.kind().name(), actor.name(), String.join(",", actor.roles()),
                    origin.clientAddress(), details, event.environment(), AuditOutcome.SUCCEEDED.name(), event.project(),
                    origin.requestId(), event.target().id(), event.target().name(), event.target().type(), origin.userAgent()};
            for (int i = 0; i < values.length; i++) {
                insertPending.setString(i + 1, values[i]);
            }
            try (ResultSet inserted = insertPending.executeQuery()) {
                inserted.next();
            }
        }
    }

    /**
     * AuditChainer and PendingEntries in JDBC: runs one at a time; every entry committed before a
     * run starts is linked by it, in one transaction (one lock of the head, one commit).
     */
    static final class Linker {

        private final Connection connection;
        private final PreparedStatement validate;
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
            validate = connection.prepareStatement("SELECT 1");
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
            try (ResultSet valid = validate.executeQuery()) {
                valid.next();
            }
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
    public Object unaudited(Client client) throws Exception {
        Object[] change = client.changeService();
        client.connection.commit();
        return change[2];
    }

    /** The server's way: the action answers after its commit; the linker links on its own thread meanwhile. */
    @Benchmark
    public Object audited(Database database, Client client) throws Exception {
        Object[] change = client.changeService();
        client.recordPending(change);
        client.connection.commit();
        database.linker.requestRun();
        return change[2];
    }

    /** Not the server's way: the action answers only once its entry is linked (read-your-writes by waiting). */
    @Benchmark
    public Object auditedWaitingForLink(Database database, Client client) throws Exception {
        Object[] change = client.changeService();
        client.recordPending(change);
        client.connection.commit();
        database.linker.awaitRun(database.linker.requestRun());
        return change[2];
    }
}
