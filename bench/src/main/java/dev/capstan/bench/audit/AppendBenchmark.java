package dev.capstan.bench.audit;

import dev.capstan.audit.entity.Actor;
import dev.capstan.audit.entity.AuditDetails;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Appending to the chain (lock the head, hash, insert, move the head, commit) against a plain
 * single-row INSERT + commit into a table of the same shape. Goal: chained >= 0.5x plain.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class AppendBenchmark {

    private static final String COLUMNS = "(sequence, occurred_at, actor_kind, actor_name, actor_roles, action, target_type,"
            + " target_id, target_name, project, environment, outcome, client_address, user_agent, request_id, details,"
            + " previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private Connection connection;
    private PreparedStatement lockHead;
    private PreparedStatement insertChained;
    private PreparedStatement moveHead;
    private PreparedStatement insertPlain;
    private long plainSequence;
    private final Actor actor = Actor.user("admin", List.of("ADMIN"));
    private final AuditEvent event = AuditEvent.of("user.roles-changed").on("user", 42, "dana")
            .with(AuditDetails.none().changed("roles", List.of("USER"), List.of("USER", "ADMIN")));
    private final String details = "{\"changes\":{\"roles\":{\"after\":[\"ADMIN\",\"USER\"],\"before\":[\"USER\"]}}}";
    private final RequestOrigin origin = new RequestOrigin("10.0.0.7", "Mozilla/5.0 (X11; Linux x86_64)", "3b1f0c9e-7f4e-4c61-9d1e-2f0b6a0c9a11");

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BenchDatabase.recreate();
        connection = BenchDatabase.connect();
        connection.setAutoCommit(false);
        lockHead = connection.prepareStatement("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
        insertChained = connection.prepareStatement("INSERT INTO audit_entry " + COLUMNS);
        moveHead = connection.prepareStatement("UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 1");
        insertPlain = connection.prepareStatement("INSERT INTO audit_entry_plain " + COLUMNS);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        connection.close();
    }

    @Benchmark
    public String chainedAppend() throws Exception {
        long last;
        String lastHash;
        try (ResultSet head = lockHead.executeQuery()) {
            head.next();
            last = head.getLong(1);
            lastHash = head.getString(2);
        }
        AuditRecord record = AuditRecord.next(last + 1, lastHash, Instant.now(), actor, event, AuditOutcome.SUCCEEDED, origin, details);
        bind(insertChained, record);
        insertChained.executeUpdate();
        moveHead.setLong(1, record.sequence());
        moveHead.setString(2, record.hash());
        moveHead.executeUpdate();
        connection.commit();
        return record.hash();
    }

    @Benchmark
    public long plainInsert() throws Exception {
        AuditRecord record = new AuditRecord(++plainSequence, Instant.now(), actor.kind(), actor.name(), actor.roles(),
                event.action(), event.target().type(), event.target().id(), event.target().name(), null, null,
                AuditOutcome.SUCCEEDED, origin.clientAddress(), origin.userAgent(), origin.requestId(), details,
                AuditRecord.GENESIS, AuditRecord.GENESIS);
        bind(insertPlain, record);
        insertPlain.executeUpdate();
        connection.commit();
        return plainSequence;
    }

    static void bind(PreparedStatement insert, AuditRecord record) throws Exception {
        insert.setLong(1, record.sequence());
        insert.setTimestamp(2, Timestamp.from(record.time()));
        insert.setString(3, record.actorKind().name());
        insert.setString(4, record.actorName());
        insert.setString(5, String.join(",", record.actorRoles()));
        insert.setString(6, record.action());
        insert.setString(7, record.targetType());
        insert.setString(8, record.targetId());
        insert.setString(9, record.targetName());
        insert.setString(10, record.project());
        insert.setString(11, record.environment());
        insert.setString(12, record.outcome().name());
        insert.setString(13, record.clientAddress());
        insert.setString(14, record.userAgent());
        insert.setString(15, record.requestId());
        insert.setString(16, record.details());
        insert.setString(17, record.previousHash());
        insert.setString(18, record.hash());
    }
}
