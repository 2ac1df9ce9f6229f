package dev.capstan.platform;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads Capstan's settings: system property first (tests, CLI), then environment variable. */
public final class Settings {

    private Settings() {
    }

    /**
     * @param property e.g. {@code capstan.signin.lockout-duration}; its variable is
     *                 {@code CAPSTAN_SIGNIN_LOCKOUT_DURATION}
     */
    public static Duration duration(String property, Duration fallback) {
        String value = value(property);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(property + " must be an ISO-8601 duration such as PT15M, not '" + value + "'");
        }
    }

    /** A setting's text, if it is set and not blank. */
    public static java.util.Optional<String> text(String property) {
        return java.util.Optional.ofNullable(value(property)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static String value(String property) {
        String fromProperty = System.getProperty(property);
        if (fromProperty != null) {
            return fromProperty;
        }
        return System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
}
