package dev.capstan.audit.entity;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointSignatureTest {

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static CheckpointRecord signed(KeyPair keys, AuditRecord at) {
        Instant now = Instant.parse("2026-11-22T11:00:00.000001Z");
        return new CheckpointRecord(at.sequence(), at.hash(), now,
                CheckpointSignature.sign(keys.getPrivate(), at.sequence(), at.hash(), now));
    }

    @Test
    void aCheckpointVerifiesWithItsPublicKeyReadBackFromPem() throws Exception {
        KeyPair keys = ed25519();
        CheckpointRecord checkpoint = signed(keys, ChainVerifierTest.chain(3).get(2));
        assertTrue(checkpoint.verifies(CheckpointSignature.fromPem(CheckpointSignature.toPem(keys.getPublic()))));
    }

    @Test
    void anAlteredOrForeignCheckpointDoesNotVerify() throws Exception {
        KeyPair keys = ed25519();
        CheckpointRecord checkpoint = signed(keys, ChainVerifierTest.chain(3).get(2));
        CheckpointRecord moved = new CheckpointRecord(2, checkpoint.entryHash(), checkpoint.signedAt(), checkpoint.signature());
        assertFalse(moved.verifies(keys.getPublic()));
        assertFalse(checkpoint.verifies(ed25519().getPublic()), "signed by another key");
    }

    @Test
    void verificationReportsAForgedCheckpointFirst() throws Exception {
        KeyPair keys = ed25519();
        List<AuditRecord> chain = ChainVerifierTest.chain(10);
        CheckpointRecord genuine = signed(keys, chain.get(4));
        CheckpointRecord forged = signed(ed25519(), chain.get(7));
        ChainVerification result = ChainVerifier.verify(chain.iterator(), List.of(genuine, forged), Witness.NONE, List.of(keys.getPublic()));
        assertEquals(ChainDamage.CHECKPOINT_INVALID, result.damage());
        assertEquals(8, result.checkpoint());
        assertTrue(ChainVerifier.verify(chain.iterator(), List.of(genuine), Witness.NONE, List.of(keys.getPublic())).isIntact());
    }

    @Test
    void aCheckpointSignedWithAKeyRotatedOutStillVerifies() throws Exception {
        KeyPair old = ed25519();
        KeyPair current = ed25519();
        List<AuditRecord> chain = ChainVerifierTest.chain(10);
        List<CheckpointRecord> checkpoints = List.of(signed(old, chain.get(4)), signed(current, chain.get(9)));
        assertTrue(ChainVerifier.verify(chain.iterator(), checkpoints, Witness.NONE, List.of(current.getPublic(), old.getPublic()))
                .isIntact());
        assertEquals(ChainDamage.CHECKPOINT_INVALID,
                ChainVerifier.verify(chain.iterator(), checkpoints, Witness.NONE, List.of(current.getPublic())).damage());
    }

    @Test
    void checkpointsDeletedFromTheDatabaseAreFoundInTheWitness() throws Exception {
        KeyPair keys = ed25519();
        List<AuditRecord> chain = ChainVerifierTest.chain(20);
        CheckpointRecord early = signed(keys, chain.get(4));
        CheckpointRecord late = signed(keys, chain.get(14));
        Witness witness = new Witness(List.of(early, late), null);
        ChainVerification result = ChainVerifier.verify(chain.iterator(), List.of(early), witness, List.of(keys.getPublic()));
        assertEquals(ChainDamage.CHECKPOINT_MISSING, result.damage());
        assertEquals(15, result.firstBadSequence());
        assertTrue(result.explanation().contains("missing from the database"), result.explanation());
        assertEquals(ChainDamage.CHECKPOINT_MISSING,
                ChainVerifier.verify(chain.iterator(), List.of(), witness, List.of(keys.getPublic())).damage(), "all deleted");
        assertTrue(ChainVerifier.verify(chain.iterator(), List.of(early, late), witness, List.of(keys.getPublic())).isIntact());
    }

    @Test
    void aWitnessCheckpointThatIsNotGenuineIsRefused() throws Exception {
        KeyPair keys = ed25519();
        List<AuditRecord> chain = ChainVerifierTest.chain(10);
        Witness forged = new Witness(List.of(signed(ed25519(), chain.get(4))), null);
        assertEquals(ChainDamage.CHECKPOINT_INVALID,
                ChainVerifier.verify(chain.iterator(), List.of(), forged, List.of(keys.getPublic())).damage());
    }

    @Test
    void aTailCutBelowTheWitnessedHeadIsATruncationAndARewrittenHeadAnEdit() throws Exception {
        KeyPair keys = ed25519();
        List<AuditRecord> chain = ChainVerifierTest.chain(20);
        Witness witness = new Witness(List.of(), CheckpointMark.witnessedHead(18, chain.get(17).hash()));
        ChainVerification cut = ChainVerifier.verify(chain.subList(0, 15).iterator(), List.of(), witness, List.of(keys.getPublic()));
        assertEquals(ChainDamage.TRUNCATED, cut.damage());
        assertEquals(16, cut.firstBadSequence());
        assertTrue(cut.explanation().contains("the chain head the server last saw (entry 18)"), cut.explanation());

        List<AuditRecord> rewritten = new ArrayList<>(chain.subList(0, 15));
        String previous = rewritten.get(14).hash();
        for (long sequence = 16; sequence <= 20; sequence++) {
            AuditRecord forged = AuditRecord.next(sequence, previous, chain.get((int) sequence - 1).time(),
                    Actor.user("mallory", List.of("ADMIN")), AuditEvent.of("user.created"), AuditOutcome.SUCCEEDED,
                    RequestOrigin.NONE, "{}");
            rewritten.add(forged);
            previous = forged.hash();
        }
        ChainVerification edited = ChainVerifier.verify(rewritten.iterator(), List.of(), witness, List.of(keys.getPublic()));
        assertEquals(ChainDamage.EDITED, edited.damage());
        assertEquals(18, edited.firstBadSequence());
        assertTrue(ChainVerifier.verify(chain.iterator(), List.of(), witness, List.of(keys.getPublic())).isIntact());
    }

    @Test
    void theSignedMessageIsTheDocumentedArray() {
        assertEquals("[5,\"ab\",\"2026-11-22T11:00:00.000001Z\"]",
                new String(CheckpointSignature.message(5, "ab", Instant.parse("2026-11-22T11:00:00.000001Z"))));
    }
}
