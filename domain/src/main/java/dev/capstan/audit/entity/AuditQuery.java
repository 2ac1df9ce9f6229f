package dev.capstan.audit.entity;

import java.time.Instant;

/**
 * What an auditor filters the log by; every part may be null (no filter). {@code action} matches
 * a whole code or, ending with a dot, a family ({@code user.}); {@code target} is text found in
 * the target's name or id, ignoring case.
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, String project, String environment,
                         AuditOutcome outcome, String target) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null, null);

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        project = blankToNull(project);
        environment = blankToNull(environment);
        target = blankToNull(target);
    }

    /** True when nothing is filtered: the whole chain. */
    public boolean isEverything() {
        return equals(ALL);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
