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
    DISABLED,
    /** Refused unchecked: the client's address failed too often (the person is told, it says nothing about accounts). */
    THROTTLED,
    /** Refused unchecked: too many password checks were running (the person is told to retry). */
    BUSY;

    public boolean succeeded() {
        return this == SUCCEEDED;
    }
}
