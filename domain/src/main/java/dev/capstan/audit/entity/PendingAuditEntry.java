package dev.capstan.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
public class PendingAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Set by the database on insert (on PostgreSQL a trigger overrides whatever is sent). */
    @Column(name = "occurred_at", insertable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false, updatable = false, length = 20)
    private ActorKind actorKind;

    @Column(name = "actor_name", nullable = false, updatable = false, length = 200)
    private String actorName;

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

    @Column(name = "details", nullable = false, updatable = false, length = AuditEntry.DETAILS_MAX)
    private String details;

    protected PendingAuditEntry() {
    }

    public PendingAuditEntry(Actor actor, AuditEvent event, AuditOutcome outcome, RequestOrigin origin, String detailsJson) {
        if (detailsJson.length() > AuditEntry.DETAILS_MAX) {
            throw new IllegalArgumentException("Audit details of " + event.action() + " exceed " + AuditEntry.DETAILS_MAX + " characters");
        }
        actorKind = actor.kind();
        actorName = actor.name();
        actorRoles = String.join(",", actor.roles());
        action = event.action();
        targetType = event.target().type();
        targetId = event.target().id();
        targetName = event.target().name();
        project = event.project();
        environment = event.environment();
        this.outcome = outcome;
        clientAddress = origin.clientAddress();
        userAgent = origin.userAgent();
        requestId = origin.requestId();
        details = detailsJson;
    }

    public Long id() {
        return id;
    }

    /** The entry with its database time, without sequence or hashes yet. Only for an entry read back from the database. */
    public AuditRecord unlinked() {
        if (occurredAt == null) {
            throw new IllegalStateException("Pending audit entry " + id + " has no time: it must be read back from the database");
        }
        return new AuditRecord(0, occurredAt, actorKind, actorName, AuditEntry.roles(actorRoles), action, targetType, targetId,
                targetName, project, environment, outcome, clientAddress, userAgent, requestId, details, null, null);
    }
}
