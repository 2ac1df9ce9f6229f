package dev.capstan.audit.control;

import dev.capstan.audit.entity.CheckpointMark;
import dev.capstan.audit.entity.CheckpointRecord;
import dev.capstan.audit.entity.Witness;
import dev.capstan.audit.offline.AuditExportFormat;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail's witness: files beside the keys, out of a database superuser's reach, that
 * hold every checkpoint this server signed ({@value #CHECKPOINTS_FILE}, append-only, one JSON
 * line each, as in an export) and the newest chain head it saw ({@value #HEAD_FILE}, replaced
 * atomically). Verification holds the database to them: a checkpoint row deleted, or a tail cut
 * with the head moved back, shows. Every write is forced to disk before it returns.
 */
@ApplicationScoped
public class AuditWitness {

    public static final String CHECKPOINTS_FILE = "audit-witness.jsonl";
    public static final String HEAD_FILE = "audit-witness-head.json";

    private final Path directory;

    public AuditWitness() {
        this(AuditKeys.directory());
    }

    AuditWitness(Path directory) {
        this.directory = directory;
    }

    /** Whether this server has witnessed anything yet (false on a new install or before the upgrade that brought it). */
    public synchronized boolean exists() {
        return Files.exists(directory.resolve(CHECKPOINTS_FILE)) || Files.exists(directory.resolve(HEAD_FILE));
    }

    public synchronized Witness read() {
        List<CheckpointRecord> checkpoints = new ArrayList<>();
        try {
            Path file = directory.resolve(CHECKPOINTS_FILE);
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    // a line cut short by a crash while it was written is not a claim
                    if (line.endsWith("}") && AuditExportFormat.parse(line) instanceof AuditExportFormat.Checkpoint checkpoint) {
                        checkpoints.add(checkpoint.checkpoint());
                    }
                }
            }
            return new Witness(checkpoints, head().orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit witness in " + directory, e);
        }
    }

    /** The newest head this server saw. */
    public synchronized Optional<CheckpointMark> head() {
        Path file = directory.resolve(HEAD_FILE);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            AuditExportFormat.Head head = (AuditExportFormat.Head) AuditExportFormat.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
            return Optional.of(CheckpointMark.witnessedHead(head.sequence(), head.entryHash()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit witness " + file, e);
        }
    }

    public synchronized void checkpointSigned(CheckpointRecord checkpoint) {
        append(AuditExportFormat.checkpoint(checkpoint) + "\n");
    }

    /** Several checkpoints at once: when the witness is first made from what the database holds. */
    public synchronized void checkpointsSigned(List<CheckpointRecord> checkpoints) {
        StringBuilder lines = new StringBuilder();
        checkpoints.forEach(checkpoint -> lines.append(AuditExportFormat.checkpoint(checkpoint)).append('\n'));
        append(lines.toString());
    }

    /** Records the head, unless the witness already holds a newer one (the head never moves back). */
    public synchronized void headSeen(long sequence, String hash, Instant at) {
        Optional<CheckpointMark> known = head();
        if (known.isPresent() && known.get().sequence() >= sequence) {
            return;
        }
        Path file = directory.resolve(HEAD_FILE);
        Path next = directory.resolve(HEAD_FILE + ".next");
        try {
            Files.createDirectories(directory);
            write(next, AuditExportFormat.head(sequence, hash, at) + "\n", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit witness " + file, e);
        }
    }

    private void append(String lines) {
        try {
            Files.createDirectories(directory);
            write(directory.resolve(CHECKPOINTS_FILE), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit witness in " + directory, e);
        }
    }

    private static void write(Path file, String text, StandardOpenOption... options) throws IOException {
        List<StandardOpenOption> all = new ArrayList<>(List.of(options));
        all.add(StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(file, all.toArray(StandardOpenOption[]::new))) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }
}
