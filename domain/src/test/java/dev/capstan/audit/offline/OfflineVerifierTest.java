package dev.capstan.audit.offline;

import dev.capstan.audit.entity.AuditQuery;
import dev.capstan.audit.entity.AuditRecord;
import dev.capstan.audit.entity.CheckpointRecord;
import dev.capstan.audit.entity.CheckpointSignature;
import dev.capstan.audit.entity.ChainVerifierTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineVerifierTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path write(String name, List<String> lines) throws Exception {
        return Files.write(directory.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private int verify(Path export, Path publicKey) {
        return OfflineVerifier.run(new String[]{export.toString(), "--public-key", publicKey.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A complete export of a 12-entry chain with a checkpoint at entry 10. */
    private List<String> export(KeyPair keys) {
        List<AuditRecord> chain = ChainVerifierTestData.chain(12);
        Instant signedAt = Instant.parse("2026-11-22T12:00:00Z");
        AuditRecord tenth = chain.get(9);
        List<String> lines = new ArrayList<>();
        lines.add(AuditExportFormat.header(Instant.parse("2026-11-22T12:30:00Z"), AuditQuery.ALL));
        lines.add(AuditExportFormat.checkpoint(new CheckpointRecord(10, tenth.hash(), signedAt,
                CheckpointSignature.sign(keys.getPrivate(), 10, tenth.hash(), signedAt))));
        chain.forEach(record -> lines.add(AuditExportFormat.entry(record)));
        return lines;
    }

    @Test
    void anUntouchedExportVerifies() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = write("audit-checkpoint.pub", List.of(CheckpointSignature.toPem(keys.getPublic())));
        assertEquals(0, verify(write("export.jsonl", export(keys)), key), err.toString());
        assertTrue(out.toString().contains("12 entries checked; the chain is intact."), out.toString());
    }

    @Test
    void aDoctoredExportIsRejectedNamingTheEntry() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = write("audit-checkpoint.pub", List.of(CheckpointSignature.toPem(keys.getPublic())));
        List<String> lines = export(keys);
        lines.set(2 + 4, lines.get(2 + 4).replace("\"user-5\"", "\"user-X\""));
        assertEquals(1, verify(write("doctored.jsonl", lines), key));
        assertTrue(out.toString().contains("Entry 5 was changed after it was written"), out.toString());
    }

    @Test
    void aTailCutFromTheExportBelowItsCheckpointIsATruncation() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = write("audit-checkpoint.pub", List.of(CheckpointSignature.toPem(keys.getPublic())));
        List<String> lines = export(keys).subList(0, 2 + 8);
        assertEquals(1, verify(write("cut.jsonl", lines), key));
        assertTrue(out.toString().contains("entries after 8 were cut off"), out.toString());
    }

    @Test
    void anotherServersKeyRejectsTheCheckpoints() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = write("other.pub", List.of(CheckpointSignature.toPem(other.getPublic())));
        assertEquals(1, verify(write("export.jsonl", export(keys)), key));
        assertTrue(out.toString().contains("does not verify with the public key"), out.toString());
    }

    @Test
    void aFilteredExportChecksEachEntryAndTheLinksItHas() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = write("audit-checkpoint.pub", List.of(CheckpointSignature.toPem(keys.getPublic())));
        List<String> lines = new ArrayList<>(export(keys));
        lines.set(0, AuditExportFormat.header(Instant.now(), new AuditQuery(null, null, "admin", null, null, null, null, null)));
        lines.remove(2 + 3);
        assertEquals(0, verify(write("filtered.jsonl", lines), key), out + err.toString());
        lines.set(2 + 5, lines.get(2 + 5).replace("\"user-7\"", "\"user-Y\""));
        assertEquals(1, verify(write("filtered-doctored.jsonl", lines), key));
    }

    @Test
    void aFileThatIsNotAnExportIsReportedWithItsLine() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = write("audit-checkpoint.pub", List.of(CheckpointSignature.toPem(keys.getPublic())));
        List<String> lines = new ArrayList<>(export(keys));
        lines.set(4, "{\"type\":\"entry\",\"sequence\":\"three\"}");
        assertEquals(2, verify(write("broken.jsonl", lines), key));
        assertTrue(err.toString().contains("line 5"), err.toString());
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertEquals("\"a,b\"", AuditExportFormat.csvCell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditExportFormat.csvCell("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", AuditExportFormat.csvCell("=HYPERLINK(1)"));
        assertEquals("", AuditExportFormat.csvCell(null));
    }
}
