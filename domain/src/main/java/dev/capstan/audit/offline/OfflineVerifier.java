package dev.capstan.audit.offline;

import dev.capstan.audit.entity.AuditRecord;
import dev.capstan.audit.entity.ChainVerification;
import dev.capstan.audit.entity.ChainVerifier;
import dev.capstan.audit.entity.CheckpointRecord;
import dev.capstan.audit.entity.CheckpointSignature;

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
 * {@code java -jar audit-verify.jar export.jsonl --public-key audit-checkpoint.pub}.
 * Exit status 0: intact; 1: damaged (the first bad entry is named); 2: the files could not be read.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || !"--public-key".equals(args[1])) {
            err.println("Usage: java -jar audit-verify.jar <export.jsonl> --public-key <audit-checkpoint.pub>");
            return 2;
        }
        try {
            PublicKey key = CheckpointSignature.fromPem(Files.readString(Path.of(args[2]), StandardCharsets.US_ASCII));
            ChainVerification result = verify(Path.of(args[0]), key);
            out.println(result.explanation());
            return result.isIntact() ? 0 : 1;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("Cannot verify: " + e.getMessage());
            return 2;
        }
    }

    /** Streams the export: the header and checkpoints first, then entries one line at a time. */
    static ChainVerification verify(Path export, PublicKey key) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            LineReader reader = new LineReader(lines);
            if (!(reader.next() instanceof AuditExportFormat.Header header)) {
                throw new IllegalArgumentException("line 1 is not a Capstan audit export header");
            }
            List<CheckpointRecord> checkpoints = new ArrayList<>();
            while (reader.peek() instanceof AuditExportFormat.Checkpoint checkpoint) {
                checkpoints.add(checkpoint.checkpoint());
                reader.next();
            }
            Iterator<AuditRecord> entries = reader.entries();
            return header.complete()
                    ? ChainVerifier.verify(entries, checkpoints, key)
                    : ChainVerifier.verifyExcerpt(entries, checkpoints, key);
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
