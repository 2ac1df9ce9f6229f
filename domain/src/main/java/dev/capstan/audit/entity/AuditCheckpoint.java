package dev.capstan.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A signed statement "the chain had reached entry N with hash H at time T". Stored with the
 * chain and exported with it; the signing key stays outside the database, so whoever can edit
 * the database cannot forge one, and cutting the chain's tail below a checkpoint shows.
 */
@Entity
@Table(name = "audit_checkpoint")
public class AuditCheckpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** What this checkpoint is for, unique: e.g. {@code hourly:2026-11-22T10:00Z}, so a timer firing twice signs once. */
    @Column(name = "slot", nullable = false, updatable = false, unique = true, length = 80)
    private String slot;

    @Column(name = "sequence", nullable = false, updatable = false)
    private long sequence;

    @Column(name = "entry_hash", nullable = false, updatable = false, length = 64)
    private String entryHash;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;

    @Column(name = "signature", nullable = false, updatable = false, length = 200)
    private String signature;

    protected AuditCheckpoint() {
    }

    public static AuditCheckpoint sign(String slot, AuditChainHead head, Instant now, PrivateKey key) {
        AuditCheckpoint checkpoint = new AuditCheckpoint();
        checkpoint.slot = slot;
        checkpoint.sequence = head.lastSequence();
        checkpoint.entryHash = head.lastHash();
        checkpoint.signedAt = now.truncatedTo(ChronoUnit.MICROS);
        checkpoint.signature = CheckpointSignature.sign(key, checkpoint.sequence, checkpoint.entryHash, checkpoint.signedAt);
        return checkpoint;
    }

    public CheckpointRecord toRecord() {
        return new CheckpointRecord(sequence, entryHash, signedAt, signature);
    }

    public long sequence() {
        return sequence;
    }

    public String entryHash() {
        return entryHash;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public String signature() {
        return signature;
    }

    public String slot() {
        return slot;
    }
}
