package dev.capstan.access.entity;

/**
 * How a sign-in attempt ended. Only {@link #SUCCEEDED} lets the person in; the others are told
 * apart for the audit trail and the logs, never to the person signing in.
 */
public enum SignInOutcome {
    SUCCEEDED,
    /** Wrong password, or no such user. */
    FAILED,
    /** Refused because the account is locked, including the attempt that locked it. */
    LOCKED,
    DISABLED;

    public boolean succeeded() {
        return this == SUCCEEDED;
    }
}
