package dev.capstan.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A stored audit entry, as read back. Written once, by PendingEntries, never updated: on
 * PostgreSQL the database refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    /** Details longer than this are a programming error, not something to cut silently (PendingAuditEntry refuses them). */
    public static final int DETAILS_MAX = 65_536;

    @Id
    @Column(name = "sequence", updatable = false)
    private long sequence;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false, updatable = false, length = 20)
    private ActorKind actorKind;

    @Column(name = "actor_name", nullable = false, updatable = false, length = 200)
    private String actorName;

    /** Sorted role names, comma-separated. */
    @Column(name = "actor_roles", nullable = false, updatable = false, length = 200)
    private String actorRoles;

    @Column(name = "action", nullable = false, updatable = false, length = 80)
    private String action;

    @Column(name = "target_type", updatable = false, length = 40)
    private String targetType;

    @Column(name = "target_id", updatable = false, length = 100)
    private String targetId;

    @Column(name = "target_name", updatable = false, length = 200)
    private String targetName;

    @Column(name = "project", updatable = false, length = 100)
    private String project;

    @Column(name = "environment", updatable = false, length = 100)
    private String environment;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false, length = 20)
    private AuditOutcome outcome;

    @Column(name = "client_address", updatable = false, length = 64)
    private String clientAddress;

    @Column(name = "user_agent", updatable = false, length = 300)
    private String userAgent;

    @Column(name = "request_id", updatable = false, length = 64)
    private String requestId;

    @Column(name = "details", nullable = false, updatable = false, length = DETAILS_MAX)
    private String details;

    @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
    private String previousHash;

    @Column(name = "entry_hash", nullable = false, updatable = false, length = 64)
    private String entryHash;

    protected AuditEntry() {
    }

    public AuditRecord toRecord() {
        return new AuditRecord(sequence, occurredAt, actorKind, actorName, roles(actorRoles), action, targetType, targetId,
                targetName, project, environment, outcome, clientAddress, userAgent, requestId, details, previousHash, entryHash);
    }

    /** The stored, comma-separated form of an actor's roles, read back. */
    public static List<String> roles(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
    }

    public long sequence() {
        return sequence;
    }

    public String hash() {
        return entryHash;
    }
}
