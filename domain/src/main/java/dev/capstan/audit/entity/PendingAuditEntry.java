package dev.capstan.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An audit entry as the action's own transaction writes it: everything that will be hashed, but
 * not yet linked into the chain. The action's transaction inserts it without taking any lock;
 * {@link AuditChainHead#link} links pending entries into the chain, in batches, right after they
 * commit (docs/audit.md, "Pending entries"). Its time is the database's, set on insert.
 */
@Entity
@Table(name = "audit_pending")
public class PendingAuditEntry extends AuditEntryContent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Set by the database on insert (on PostgreSQL a trigger overrides whatever is sent). */
    @Column(name = "occurred_at", insertable = false, updatable = false)
    private Instant occurredAt;

    protected PendingAuditEntry() {
    }

    public PendingAuditEntry(Actor actor, AuditEvent event, AuditOutcome outcome, RequestOrigin origin, String detailsJson) {
        super(actor, event, outcome, origin, detailsJson);
    }

    public Long id() {
        return id;
    }

    /** The entry with its database time, without sequence or hashes yet. Only for an entry read back from the database. */
    public AuditRecord unlinked() {
        if (occurredAt == null) {
            throw new IllegalStateException("Pending audit entry " + id + " has no time: it must be read back from the database");
        }
        return record(0, occurredAt, null, null);
    }
}
