package dev.capstan.audit.entity;

import java.security.PublicKey;
import java.time.Instant;

/** A signed checkpoint as stored or exported: what it claims and its Ed25519 signature (base64). */
public record CheckpointRecord(long sequence, String entryHash, Instant signedAt, String signature) {

    public boolean verifies(PublicKey key) {
        return CheckpointSignature.verify(key, sequence, entryHash, signedAt, signature);
    }

    public CheckpointMark mark() {
        return new CheckpointMark(sequence, entryHash);
    }
}
