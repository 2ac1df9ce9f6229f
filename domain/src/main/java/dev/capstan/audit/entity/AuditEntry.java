package dev.capstan.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A stored audit entry, as read back. Written once, by PendingEntries, never updated: on
 * PostgreSQL the database refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends AuditEntryContent {

    @Id
    @Column(name = "sequence", updatable = false)
    private long sequence;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
    private String previousHash;

    @Column(name = "entry_hash", nullable = false, updatable = false, length = 64)
    private String entryHash;

    protected AuditEntry() {
    }

    public AuditRecord toRecord() {
        return record(sequence, occurredAt, previousHash, entryHash);
    }

    public long sequence() {
        return sequence;
    }

    public String hash() {
        return entryHash;
    }
}
