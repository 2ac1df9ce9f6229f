package dev.capstan.bench.audit;

import dev.capstan.audit.entity.Actor;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.audit.entity.AuditRecord;
import dev.capstan.audit.entity.ChainVerification;
import dev.capstan.audit.entity.ChainVerifier;
import dev.capstan.audit.entity.RequestOrigin;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Verifying a chain of 200,000 entries in memory (canonical form, SHA-256, links). The same
 * canonical bytes are written to target/verify-bytes.txt, so `sha256sum` can be timed over
 * exactly what verification hashes. Goal: verification >= 0.3x sha256sum's bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class VerifyBenchmark {

    static final int ENTRIES = 200_000;
    private List<AuditRecord> chain;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        chain = new ArrayList<>(ENTRIES);
        String previous = AuditRecord.GENESIS;
        Instant start = Instant.parse("2026-11-22T00:00:00Z");
        long bytes = 0;
        Path file = Path.of("target/verify-bytes.txt");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= ENTRIES; i++) {
                AuditEvent event = AuditEvent.of("user.roles-changed").on("user", i % 1000, "user-" + (i % 1000))
                        .with(AuditDetails.none().changed("roles", List.of("USER"), List.of("USER", "ADMIN")));
                AuditRecord record = AuditRecord.next(i, previous, start.plusMillis(i), Actor.user("admin", List.of("ADMIN")),
                        event, AuditOutcome.SUCCEEDED, new RequestOrigin("10.0.0.7", "Mozilla/5.0 (X11; Linux x86_64)", "req-" + i),
                        "{\"changes\":{\"roles\":{\"after\":[\"ADMIN\",\"USER\"],\"before\":[\"USER\"]}}}");
                chain.add(record);
                previous = record.hash();
                String canonical = record.canonicalForm();
                out.write(canonical);
                bytes += canonical.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        System.out.println("\nVerifyBenchmark: " + ENTRIES + " entries, " + bytes + " canonical bytes in " + file.toAbsolutePath());
    }

    List<AuditRecord> chain() {
        return chain;
    }

    @Benchmark
    public ChainVerification verifyChain() {
        ChainVerification result = new ChainVerifier(List.of()).verify(chain.iterator());
        if (!result.isIntact()) {
            throw new IllegalStateException(result.explanation());
        }
        return result;
    }
}
