package dev.capstan.audit.offline;

import dev.capstan.audit.entity.AuditRecord;
import dev.capstan.audit.entity.ChainDamage;
import dev.capstan.audit.entity.ChainVerification;
import dev.capstan.audit.entity.ChainVerifier;
import dev.capstan.audit.entity.CheckpointRecord;
import dev.capstan.audit.entity.CheckpointSignature;
import dev.capstan.audit.entity.Witness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Checks a JSON Lines export of the audit trail without the server:
 * {@code java -jar audit-verify.jar export.jsonl --public-key audit-checkpoint.pub} (repeat
 * {@code --public-key} for keys rotated out). Exit status 0: a complete export, intact up to a
 * signed checkpoint; 1: damaged (the first bad entry is named), or a claim of completeness that
 * no signed checkpoint backs; 2: the files could not be read; 3: an excerpt (a filtered export)
 * whose entries are intact one by one, which can never prove that none is missing.
 */
public final class OfflineVerifier {

    static final int INTACT = 0;
    static final int DAMAGED = 1;
    static final int UNREADABLE = 2;
    static final int EXCERPT = 3;

    private OfflineVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<PublicKey> keys = new ArrayList<>();
        if (args.length < 3 || args.length % 2 == 0) {
            return usage(err);
        }
        try {
            for (int i = 1; i < args.length; i += 2) {
                if (!"--public-key".equals(args[i])) {
                    return usage(err);
                }
                keys.add(CheckpointSignature.fromPem(Files.readString(Path.of(args[i + 1]), StandardCharsets.US_ASCII)));
            }
            Result result = verify(Path.of(args[0]), keys);
            out.println(result.explanation());
            return result.exitStatus();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("Cannot verify: " + e.getMessage());
            return UNREADABLE;
        }
    }

    private static int usage(PrintStream err) {
        err.println("Usage: java -jar audit-verify.jar <export.jsonl> --public-key <audit-checkpoint.pub> [--public-key <older.pub>]...");
        return UNREADABLE;
    }

    /** What the verifier says and the exit status that goes with it. */
    record Result(ChainVerification verification, boolean excerpt) {

        String explanation() {
            return excerpt && verification.isIntact()
                    ? "Excerpt: " + verification.entriesChecked() + " entries checked one by one, completeness not proven."
                    : verification.explanation();
        }

        int exitStatus() {
            if (!verification.isIntact()) {
                return DAMAGED;
            }
            return excerpt ? EXCERPT : INTACT;
        }
    }

    /** Streams the export: the header and checkpoints first, then entries one line at a time. */
    static Result verify(Path export, List<PublicKey> keys) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            LineReader reader = new LineReader(lines);
            if (!(reader.next() instanceof AuditExportFormat.Header header)) {
                throw new IllegalArgumentException("line 1 is not a Capstan audit export header");
            }
            List<CheckpointRecord> stored = new ArrayList<>();
            List<CheckpointRecord> witnessOnly = new ArrayList<>();
            while (reader.peek() instanceof AuditExportFormat.Checkpoint checkpoint) {
                (checkpoint.witnessOnly() ? witnessOnly : stored).add(checkpoint.checkpoint());
                reader.next();
            }
            Witness witness = new Witness(witnessOnly, null);
            LastSeen entries = new LastSeen(reader.entries());
            if (!header.complete()) {
                return new Result(ChainVerifier.verifyExcerpt(entries, stored, witness, keys), true);
            }
            ChainVerification result = ChainVerifier.verify(entries, stored, witness, keys);
            return new Result(result.isIntact() ? provenComplete(result, stored, entries.lastSequence) : result, false);
        }
    }

    /**
     * The header's "complete" is not signed: a complete export ends at a checkpoint the server
     * signed for it, and without one the claim is worth nothing (entries after the newest
     * checkpoint, or all of them, could have been cut off).
     */
    private static ChainVerification provenComplete(ChainVerification intact, List<CheckpointRecord> checkpoints, long last) {
        long covered = checkpoints.stream().mapToLong(CheckpointRecord::sequence).max().orElse(0);
        if (covered == last && last > 0) {
            return new ChainVerification(intact.entriesChecked(), null, null, null, intact.entriesChecked()
                    + " entries checked; the chain is intact and complete up to entry " + last + ", which a signed checkpoint vouches for.");
        }
        return new ChainVerification(intact.entriesChecked(), covered + 1, ChainDamage.COMPLETENESS_UNPROVEN, null,
                checkpoints.isEmpty()
                        ? "The export says it is complete but carries no signed checkpoint: completeness is not proven."
                        : "The export says it is complete but no signed checkpoint vouches for entries " + (covered + 1) + " to "
                        + last + ": completeness is not proven.");
    }

    /** Remembers the sequence of the last entry it handed out. */
    private static final class LastSeen implements Iterator<AuditRecord> {
        private final Iterator<AuditRecord> entries;
        long lastSequence;

        LastSeen(Iterator<AuditRecord> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public AuditRecord next() {
            AuditRecord entry = entries.next();
            lastSequence = entry.sequence();
            return entry;
        }
    }

    /** Parses lines lazily, naming the line number in any error. */
    private static final class LineReader {

        private final BufferedReader lines;
        private AuditExportFormat.Line peeked;
        private long number;

        LineReader(BufferedReader lines) {
            this.lines = lines;
        }

        AuditExportFormat.Line peek() {
            if (peeked == null) {
                peeked = read();
            }
            return peeked;
        }

        AuditExportFormat.Line next() {
            AuditExportFormat.Line line = peek();
            peeked = null;
            return line;
        }

        private AuditExportFormat.Line read() {
            try {
                String text = lines.readLine();
                number++;
                if (text == null) {
                    return null;
                }
                return AuditExportFormat.parse(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
            }
        }

        Iterator<AuditRecord> entries() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return peek() != null;
                }

                @Override
                public AuditRecord next() {
                    if (!(LineReader.this.next() instanceof AuditExportFormat.Entry entry)) {
                        if (peeked == null) {
                            throw new NoSuchElementException();
                        }
                        throw new IllegalArgumentException("line " + number + ": an entry was expected");
                    }
                    return entry.entry();
                }
            };
        }
    }
}
