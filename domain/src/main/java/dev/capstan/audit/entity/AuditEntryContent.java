package dev.capstan.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What an audit entry says (who, what, on which target, with what outcome, from where, details),
 * the same columns whether it waits in {@link PendingAuditEntry} or stands in the chain as
 * {@link AuditEntry}. Insert-only.
 */
@MappedSuperclass
public abstract class AuditEntryContent {

    /** Details longer than this are a programming error, not something to cut silently. */
    public static final int DETAILS_MAX = 65_536;

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

    protected AuditEntryContent() {
    }

    protected AuditEntryContent(Actor actor, AuditEvent event, AuditOutcome outcome, RequestOrigin origin, String detailsJson) {
        if (detailsJson.length() > DETAILS_MAX) {
            throw new IllegalArgumentException("Audit details of " + event.action() + " exceed " + DETAILS_MAX + " characters");
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

    /** The content as a record, with the place in the chain given. */
    protected AuditRecord record(long sequence, Instant time, String previousHash, String hash) {
        return new AuditRecord(sequence, time, actorKind, actorName, roles(actorRoles), action, targetType, targetId,
                targetName, project, environment, outcome, clientAddress, userAgent, requestId, details, previousHash, hash);
    }

    /** The stored, comma-separated form of an actor's roles, read back. */
    public static List<String> roles(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
    }
}
