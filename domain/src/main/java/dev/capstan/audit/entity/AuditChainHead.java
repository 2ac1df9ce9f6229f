package dev.capstan.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The newest entry's sequence number and hash, in a single row. Appending locks this row, so
 * appends happen one at a time and the chain never forks.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    public static final short ID = 1;

    @Id
    private short id;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    /** The newest entry's time: the next entry is never dated before it. */
    @Column(name = "last_time")
    private Instant lastTime;

    protected AuditChainHead() {
    }

    /**
     * Links the next entry to the chain and moves the head to it. The entry is dated {@code now},
     * or the newest entry's time if the clock stepped back: times never go backwards along the
     * chain, and verification holds them to that.
     */
    public AuditRecord append(Instant now, Actor actor, AuditEvent event, AuditOutcome outcome, RequestOrigin origin,
                              String detailsJson) {
        Instant time = lastTime != null && now.isBefore(lastTime) ? lastTime : now;
        AuditRecord next = AuditRecord.next(lastSequence + 1, lastHash, time, actor, event, outcome, origin, detailsJson);
        lastSequence = next.sequence();
        lastHash = next.hash();
        lastTime = next.time();
        return next;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public String lastHash() {
        return lastHash;
    }
}
