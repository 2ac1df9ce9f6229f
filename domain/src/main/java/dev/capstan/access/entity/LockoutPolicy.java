package dev.capstan.access.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * After {@code maxFailures} failed sign-ins in a row an account is locked for {@code duration}.
 * A successful sign-in, or the lock running out, starts the count again.
 */
public record LockoutPolicy(int maxFailures, Duration duration) {

    public static final LockoutPolicy STANDARD = new LockoutPolicy(5, Duration.ofMinutes(15));

    public LockoutPolicy {
        Objects.requireNonNull(duration, "duration");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the lockout duration must be positive");
        }
    }
}
