package dev.capstan.audit.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a feature tells the audit trail: a stable action code such as {@code user.created}, what
 * it was done to, where (project, environment), and the details. Who, when, from where and the
 * outcome are added by the trail.
 */
public record AuditEvent(String action, AuditTarget target, String project, String environment, AuditDetails details) {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z-]*(\\.[a-z][a-z-]*)+");

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        if (!ACTION.matcher(action).matches() || action.length() > 80) {
            throw new IllegalArgumentException("An action code looks like 'user.created', not '" + action + "'");
        }
        target = target == null ? AuditTarget.NONE : target;
        details = details == null ? AuditDetails.none() : details;
    }

    public static AuditEvent of(String action) {
        return new AuditEvent(action, AuditTarget.NONE, null, null, AuditDetails.none());
    }

    public AuditEvent on(String type, Object id, String name) {
        return new AuditEvent(action, AuditTarget.of(type, id, name), project, environment, details);
    }

    public AuditEvent in(String project, String environment) {
        return new AuditEvent(action, target, project, environment, details);
    }

    public AuditEvent with(AuditDetails details) {
        return new AuditEvent(action, target, project, environment, details);
    }
}
