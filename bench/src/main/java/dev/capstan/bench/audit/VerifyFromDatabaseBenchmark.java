package dev.capstan.bench.audit;

import dev.capstan.audit.entity.AuditRecord;
import dev.capstan.audit.entity.AuditRows;
import dev.capstan.audit.entity.ChainVerification;
import dev.capstan.audit.entity.ChainVerifier;
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
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Verification as the server runs it: the 200,000 chained entries of VerifyBenchmark stored in
 * PostgreSQL, streamed back with a cursor (fetch size 1,000, the server's query) and verified.
 * Compare with sha256sum over target/verify-bytes.txt, as for VerifyBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class VerifyFromDatabaseBenchmark {

    private static final String SELECT = "SELECT " + AuditRows.COLUMNS + " FROM audit_entry ORDER BY sequence";

    private Connection connection;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        VerifyBenchmark chain = new VerifyBenchmark();
        chain.setUp();
        BenchDatabase.recreate();
        connection = BenchDatabase.connect();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batch = 0;
            for (AuditRecord record : chain.chain()) {
                AppendBenchmark.bind(insert, record);
                insert.addBatch();
                if (++batch % 5_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        connection.close();
    }

    @Benchmark
    public ChainVerification readAndVerify() throws Exception {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setFetchSize(1_000);
            try (ResultSet rows = select.executeQuery()) {
                ChainVerification result = new ChainVerifier(List.of()).verify(AuditRows.iterate(rows));
                if (!result.isIntact()) {
                    throw new IllegalStateException(result.explanation());
                }
                return result;
            }
        } finally {
            connection.commit();
        }
    }

    /**
     * As the server verifies since AuditChainPrefetch: one thread reads the cursor into a bounded
     * queue (4,096), the caller's thread verifies from it.
     */
    @Benchmark
    public ChainVerification readAndVerifyPipelined() throws Exception {
        BlockingQueue<AuditRecord> queue = new ArrayBlockingQueue<>(4_096);
        AuditRecord end = new AuditRecord(0, java.time.Instant.EPOCH, null, "", List.of(), "", null, null, null, null, null,
                null, null, null, null, "", "", "");
        Thread reading = new Thread(() -> {
            try (Connection own = BenchDatabase.connect()) {
                own.setAutoCommit(false);
                try (PreparedStatement select = own.prepareStatement(SELECT)) {
                    select.setFetchSize(1_000);
                    try (ResultSet rows = select.executeQuery()) {
                        for (Iterator<AuditRecord> records = AuditRows.iterate(rows); records.hasNext(); ) {
                            queue.put(records.next());
                        }
                    }
                }
                own.commit();
                queue.put(end);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reading.start();
        Iterator<AuditRecord> entries = new Iterator<>() {
            private AuditRecord next;

            @Override
            public boolean hasNext() {
                try {
                    if (next == null) {
                        next = queue.take();
                    }
                    return next != end;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public AuditRecord next() {
                hasNext();
                AuditRecord current = next;
                next = null;
                return current;
            }
        };
        ChainVerification result = new ChainVerifier(List.of()).verify(entries);
        reading.join();
        if (!result.isIntact()) {
            throw new IllegalStateException(result.explanation());
        }
        return result;
    }

    /** The read alone, without verifying: how much of readAndVerify the database and JDBC take. */
    @Benchmark
    public long readOnly() throws Exception {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setFetchSize(1_000);
            try (ResultSet rows = select.executeQuery()) {
                long count = 0;
                for (Iterator<AuditRecord> records = AuditRows.iterate(rows); records.hasNext(); count += records.next().sequence()) {
                    // reading and mapping only
                }
                return count;
            }
        } finally {
            connection.commit();
        }
    }
}
