package dev.capstan.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The newest entry's sequence number and hash, in a single row. Linking entries into the chain
 * locks this row, so links happen one batch at a time and the chain never forks.
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
     * Links an entry into the chain after the newest one and moves the head to it. The entry keeps
     * its time, or takes the newest entry's if that is later (entries that committed out of order,
     * or a clock that stepped back): times never go backwards along the chain, and verification
     * holds them to that.
     */
    public AuditRecord link(AuditRecord unlinked) {
        Instant time = lastTime != null && unlinked.time().isBefore(lastTime) ? lastTime : unlinked.time();
        AuditRecord next = unlinked.linked(lastSequence + 1, lastHash, time);
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
