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

    private static CheckpointRecord checkpoint(KeyPair keys, AuditRecord at) {
        Instant signedAt = Instant.parse("2026-11-22T12:00:00Z").plusSeconds(at.sequence());
        return new CheckpointRecord(at.sequence(), at.hash(), signedAt,
                CheckpointSignature.sign(keys.getPrivate(), at.sequence(), at.hash(), signedAt));
    }

    /** A complete export of a 12-entry chain, as the server writes it: checkpoints at entries 6 and 12 (its last). */
    private List<String> export(KeyPair keys) {
        List<AuditRecord> chain = ChainVerifierTestData.chain(12);
        List<String> lines = new ArrayList<>();
        lines.add(AuditExportFormat.header(Instant.parse("2026-11-22T12:30:00Z"), AuditQuery.ALL));
        lines.add(AuditExportFormat.checkpoint(checkpoint(keys, chain.get(5))));
        lines.add(AuditExportFormat.checkpoint(checkpoint(keys, chain.get(11))));
        chain.forEach(record -> lines.add(AuditExportFormat.entry(record)));
        return lines;
    }

    private static final int FIRST_ENTRY_LINE = 3;

    private Path publicKey(KeyPair keys) throws Exception {
        return write("audit-checkpoint.pub", List.of(CheckpointSignature.toPem(keys.getPublic())));
    }

    @Test
    void anUntouchedExportVerifies() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = write("audit-checkpoint.pub", List.of(CheckpointSignature.toPem(keys.getPublic())));
        assertEquals(0, verify(write("export.jsonl", export(keys)), key), err.toString());
        assertTrue(out.toString().contains("12 entries checked; the chain is intact and complete up to entry 12"), out.toString());
    }

    @Test
    void aDoctoredExportIsRejectedNamingTheEntry() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = write("audit-checkpoint.pub", List.of(CheckpointSignature.toPem(keys.getPublic())));
        List<String> lines = export(keys);
        lines.set(FIRST_ENTRY_LINE + 4, lines.get(FIRST_ENTRY_LINE + 4).replace("\"user-5\"", "\"user-X\""));
        assertEquals(1, verify(write("doctored.jsonl", lines), key));
        assertTrue(out.toString().contains("Entry 5 was changed after it was written"), out.toString());
    }

    @Test
    void aTailCutFromTheExportBelowItsCheckpointIsATruncation() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = write("audit-checkpoint.pub", List.of(CheckpointSignature.toPem(keys.getPublic())));
        List<String> lines = export(keys).subList(0, FIRST_ENTRY_LINE + 8);
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
        lines.remove(FIRST_ENTRY_LINE + 3);
        assertEquals(3, verify(write("filtered.jsonl", lines), key), out + err.toString());
        assertTrue(out.toString().contains("Excerpt: 11 entries checked one by one, completeness not proven."), out.toString());
        lines.set(FIRST_ENTRY_LINE + 5, lines.get(FIRST_ENTRY_LINE + 5).replace("\"user-7\"", "\"user-Y\""));
        assertEquals(1, verify(write("filtered-doctored.jsonl", lines), key));
    }

    @Test
    void flippingCompleteToFalseAndDeletingALineGivesAnExcerptNotAnIntactChain() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<String> lines = new ArrayList<>(export(keys));
        lines.set(0, lines.get(0).replace("\"complete\":true", "\"complete\":false"));
        lines.remove(FIRST_ENTRY_LINE + 4);
        assertEquals(3, verify(write("flipped.jsonl", lines), publicKey(keys)));
        assertTrue(out.toString().startsWith("Excerpt:"), out.toString());
        assertTrue(!out.toString().contains("intact"), out.toString());
    }

    @Test
    void aCompleteExportWithoutItsCheckpointsIsNeverIntactWhateverTheKey() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<String> lines = new ArrayList<>(export(keys));
        lines.removeIf(line -> line.contains("\"type\":\"checkpoint\""));
        Path stripped = write("stripped.jsonl", lines);
        for (KeyPair key : List.of(keys, KeyPairGenerator.getInstance("Ed25519").generateKeyPair())) {
            out.reset();
            assertEquals(1, verify(stripped, publicKey(key)));
            assertTrue(out.toString().contains("carries no signed checkpoint: completeness is not proven"), out.toString());
        }
    }

    @Test
    void entriesAfterTheNewestCheckpointOfACompleteExportAreNotProven() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<String> lines = new ArrayList<>(export(keys));
        lines.remove(2); // the checkpoint at entry 12, and with it the proof that entries 7 to 12 are all there
        assertEquals(1, verify(write("unproven.jsonl", lines), publicKey(keys)));
        assertTrue(out.toString().contains("no signed checkpoint vouches for entries 7 to 12"), out.toString());
    }

    @Test
    void aCheckpointTheServerWitnessedButTheDatabaseLostIsReportedAsTheServerDoes() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<AuditRecord> chain = ChainVerifierTestData.chain(12);
        List<String> lines = new ArrayList<>(export(keys));
        lines.add(2, AuditExportFormat.checkpoint(checkpoint(keys, chain.get(8)), true));
        assertEquals(1, verify(write("witnessed.jsonl", lines), publicKey(keys)));
        assertTrue(out.toString().contains("The checkpoint at entry 9") && out.toString().contains("missing from the database"),
                out.toString());
    }

    @Test
    void checkpointsSignedWithAKeyRotatedOutVerifyWhenThatKeyIsGiven() throws Exception {
        KeyPair old = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair current = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<AuditRecord> chain = ChainVerifierTestData.chain(12);
        List<String> lines = new ArrayList<>(export(current));
        lines.set(1, AuditExportFormat.checkpoint(checkpoint(old, chain.get(5))));
        Path export = write("rotated.jsonl", lines);
        Path oldKey = Files.writeString(directory.resolve("old.pub"), CheckpointSignature.toPem(old.getPublic()));
        assertEquals(1, verify(export, publicKey(current)));
        out.reset();
        int status = OfflineVerifier.run(new String[]{export.toString(), "--public-key", publicKey(current).toString(),
                "--public-key", oldKey.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, out.toString());
    }

    @Test
    void aFileThatIsNotAnExportIsReportedWithItsLine() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = write("audit-checkpoint.pub", List.of(CheckpointSignature.toPem(keys.getPublic())));
        List<String> lines = new ArrayList<>(export(keys));
        lines.set(5, "{\"type\":\"entry\",\"sequence\":\"three\"}");
        assertEquals(2, verify(write("broken.jsonl", lines), key));
        assertTrue(err.toString().contains("line 6"), err.toString());
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertEquals("\"a,b\"", AuditExportFormat.csvCell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditExportFormat.csvCell("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", AuditExportFormat.csvCell("=HYPERLINK(1)"));
        assertEquals("", AuditExportFormat.csvCell(null));
    }
}
