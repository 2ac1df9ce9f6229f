package dev.capstan.access.entity;

import java.util.Locale;
import java.util.Optional;

/** What a call made with an API token may reach: one project only (if {@code projectKey} is set), reading only (if {@code readOnly}). */
public record TokenLimits(String tokenName, String projectKey, boolean readOnly) {

    /** Why a call with {@code method} on {@code project} (null: not about one project) is beyond these limits, if it is. */
    public Optional<String> refusal(String method, String project) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (readOnly && !(verb.equals("GET") || verb.equals("HEAD"))) {
            return Optional.of("The token " + tokenName + " may only read.");
        }
        if (projectKey != null && !projectKey.equals(project)) {
            return Optional.of("The token " + tokenName + " reaches project " + projectKey + " only.");
        }
        return Optional.empty();
    }
}
