package dev.capstan.access.control;

/** Asks that every open session of {@code username} end, e.g. because the user was disabled. */
public record UserSessionsEnded(String username, String reason) {
}
