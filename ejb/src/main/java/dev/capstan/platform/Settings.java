package dev.capstan.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Logger;

/** Reads Capstan's settings: system property first (tests, CLI), then environment variable. */
public final class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

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
    public static Optional<String> text(String property) {
        return Optional.ofNullable(value(property)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /**
     * A secret needed once, at start-up: from the file that {@code <property>-file} names, which is
     * deleted as it is read, else the setting itself (unstripped: an empty password is a password).
     * bin/capstan.sh hands the schema owner's password over in such a file, because an environment
     * variable stays readable in the server's /proc/&lt;pid&gt;/environ for as long as it runs. Empty
     * when the file is gone: an earlier deployment in this server process has used it.
     */
    public static Optional<String> secretOnce(String property) {
        String file = value(property + "-file");
        if (file == null || file.isBlank()) {
            return Optional.ofNullable(value(property));
        }
        Path path = Path.of(file.strip());
        String secret;
        try {
            secret = Files.readString(path);
        } catch (NoSuchFileException used) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException(property + "-file names " + path + ", which cannot be read: " + e.getMessage());
        }
        try {
            Files.delete(path);
        } catch (IOException e) {
            // E.g. a read-only secret mount that the operator chose: theirs to keep, the secret is read all the same.
            LOG.warning(() -> property + "-file " + path + " could not be deleted after reading: " + e.getMessage());
        }
        return Optional.of(secret);
    }

    private static String value(String property) {
        String fromProperty = System.getProperty(property);
        if (fromProperty != null) {
            return fromProperty;
        }
        return System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
}
