package dev.capstan.audit.entity;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCEEDED,
    /** Refused for lack of permission. */
    DENIED,
    /** Attempted and refused by a rule, or broke. */
    FAILED
}
