package dev.capstan.audit.entity;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
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
        ChainVerification result = ChainVerifier.verify(chain.iterator(), List.of(genuine, forged), keys.getPublic());
        assertEquals(ChainDamage.CHECKPOINT_INVALID, result.damage());
        assertEquals(8, result.checkpoint());
        assertTrue(ChainVerifier.verify(chain.iterator(), List.of(genuine), keys.getPublic()).isIntact());
    }

    @Test
    void theSignedMessageIsTheDocumentedArray() {
        assertEquals("[5,\"ab\",\"2026-11-22T11:00:00.000001Z\"]",
                new String(CheckpointSignature.message(5, "ab", Instant.parse("2026-11-22T11:00:00.000001Z"))));
    }
}
