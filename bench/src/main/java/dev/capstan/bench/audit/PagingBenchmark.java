package dev.capstan.bench.audit;

import dev.capstan.audit.entity.AuditRows;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * The audit log's keyset paging over 2,000,000 entries: the first page against the page at
 * depth 1,000,000, unfiltered and filtered by action. Same SQL as AuditChainReader. Goal: deep
 * page <= 2x the first page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PagingBenchmark {

    static final int ROWS = 2_000_000;
    private static final String SELECT = "SELECT " + AuditRows.COLUMNS + " FROM audit_entry";

    private Connection connection;
    private PreparedStatement first;
    private PreparedStatement deep;
    private PreparedStatement firstFiltered;
    private PreparedStatement deepFiltered;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BenchDatabase.recreate();
        connection = BenchDatabase.connect();
        try (Statement statement = connection.createStatement()) {
            // Hashes need not verify for paging; sizes and distributions are realistic.
            statement.execute("INSERT INTO audit_entry SELECT s, now() - (" + ROWS + " - s) * interval '1 second', 'USER',"
                    + " 'user-' || (s % 40), 'USER', (ARRAY['signin.succeeded','signin.failed','user.created','deployment.requested'])[1 + s % 4],"
                    + " 'user', (s % 1000)::text, 'target-' || (s % 1000), 'project-' || (s % 5), 'production', 'SUCCEEDED',"
                    + " '10.0.0.' || (s % 250), 'Mozilla/5.0 (X11; Linux x86_64)', md5(s::text),"
                    + " '{\"changes\":{\"roles\":{\"after\":[\"ADMIN\"],\"before\":[\"USER\"]}}}', repeat('0', 64), repeat('f', 64)"
                    + " FROM generate_series(1, " + ROWS + ") s");
            statement.execute("ANALYZE audit_entry");
        }
        first = connection.prepareStatement(SELECT + " ORDER BY sequence DESC LIMIT 51");
        deep = connection.prepareStatement(SELECT + " WHERE sequence < ? ORDER BY sequence DESC LIMIT 51");
        deep.setLong(1, ROWS / 2);
        firstFiltered = connection.prepareStatement(SELECT + " WHERE action = ? ORDER BY sequence DESC LIMIT 51");
        firstFiltered.setString(1, "user.created");
        deepFiltered = connection.prepareStatement(SELECT + " WHERE action = ? AND sequence < ? ORDER BY sequence DESC LIMIT 51");
        deepFiltered.setString(1, "user.created");
        deepFiltered.setLong(2, ROWS / 2);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        connection.close();
    }

    private static long read(PreparedStatement query) throws Exception {
        long last = 0;
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                last = rows.getLong(1) + rows.getString(16).length();
            }
        }
        return last;
    }

    @Benchmark
    public long firstPage() throws Exception {
        return read(first);
    }

    @Benchmark
    public long pageAtDepthOneMillion() throws Exception {
        return read(deep);
    }

    @Benchmark
    public long firstPageFilteredByAction() throws Exception {
        return read(firstFiltered);
    }

    @Benchmark
    public long pageAtDepthOneMillionFilteredByAction() throws Exception {
        return read(deepFiltered);
    }
}
