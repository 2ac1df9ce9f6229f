package dev.capstan.access.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * After {@code maxFailures} failed sign-ins in a row an account is locked for {@code duration}.
 * A successful sign-in, or the lock running out, starts the count again. The standard count is
 * high (50) because it is the last line: the sign-in throttle refuses a name from one address
 * after 5 failures, so a single guesser cannot lock an account out for everyone; only a guessing
 * attack spread over many addresses reaches the account lock.
 */
public record LockoutPolicy(int maxFailures, Duration duration) {

    public static final LockoutPolicy STANDARD = new LockoutPolicy(50, Duration.ofMinutes(15));

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
