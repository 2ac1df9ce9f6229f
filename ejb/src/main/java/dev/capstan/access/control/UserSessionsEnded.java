package dev.capstan.access.control;

/**
 * Asks that the open sessions of {@code username} end, e.g. because the user was disabled: all of
 * them, or all but {@code keptSessionId} (the person's own, when they changed their password).
 */
public record UserSessionsEnded(String username, String reason, String keptSessionId) {

    public UserSessionsEnded(String username, String reason) {
        this(username, reason, null);
    }
}
