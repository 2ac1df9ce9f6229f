package dev.capstan.audit.entity;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Collection;

/** A signed checkpoint as stored or exported: what it claims and its Ed25519 signature (base64). */
public record CheckpointRecord(long sequence, String entryHash, Instant signedAt, String signature) {

    public boolean verifies(PublicKey key) {
        return CheckpointSignature.verify(key, sequence, entryHash, signedAt, signature);
    }

    /** Whether any of the keys (the current one and those rotated out) signed it. */
    public boolean verifiesWithAny(Collection<PublicKey> keys) {
        return keys.stream().anyMatch(this::verifies);
    }

    public CheckpointMark mark() {
        return new CheckpointMark(sequence, entryHash);
    }
}
