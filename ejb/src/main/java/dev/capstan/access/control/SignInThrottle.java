package dev.capstan.access.control;

import dev.capstan.access.entity.LockoutPolicy;
import dev.capstan.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Slows password guessing down by where it comes from, before the account lock has to. Failed
 * sign-ins are counted per client address and per (address, user name) for a window (the lockout
 * duration, 15 minutes):
 * <ul>
 *   <li>{@value #PER_ADDRESS_AND_NAME} failures for one user name from one address refuse that name
 *       from that address, so one guesser cannot lock {@code admin} out for everyone: the account
 *       itself locks only after {@link LockoutPolicy#STANDARD}'s 50 failures in a row, from anywhere
 *       (a guessing attack spread over many addresses);</li>
 *   <li>{@value #PER_ADDRESS} failures from one address, whatever the names, refuse that address
 *       (guessing many accounts' passwords, or user names);</li>
 *   <li>at most {@value #CHECKS_AT_ONCE_PER_CORE} password checks per core run at once: a check costs
 *       a third of a second of CPU by design, and a flood of them must not starve everything else.</li>
 * </ul>
 * Refused attempts do not check the password at all, so they count towards nothing. The counts are
 * kept in memory per server: a restart forgets them, the account lock in the database stays.
 * Unknown user names count as known ones do, so refusals never tell which names exist.
 */
@ApplicationScoped
public class SignInThrottle {

    public static final int PER_ADDRESS_AND_NAME = 5;
    public static final int PER_ADDRESS = 20;
    static final int CHECKS_AT_ONCE_PER_CORE = 2;
    /** Beyond this many tracked windows, expired ones are dropped; a flood of random names cannot grow memory unbounded. */
    private static final int MAX_TRACKED = 100_000;

    /** Why an attempt is refused before its password is checked. */
    public enum Refusal {
        /** This address failed too often with this user name: answered as a wrong password is. */
        NAME_FROM_ADDRESS,
        /** This address failed too often, whatever the names. */
        ADDRESS,
        /** Too many password checks are running at once. */
        BUSY
    }

    private final Map<String, Window> failures = new ConcurrentHashMap<>();
    private final Semaphore checks;
    private final Duration window;
    private final Clock clock;

    /** The window is the account lock's duration unless {@code capstan.signin.throttle-window} says otherwise. */
    @Inject
    public SignInThrottle(Clock clock, LockoutPolicy policy) {
        this(clock, Settings.duration("capstan.signin.throttle-window", policy.duration()),
                CHECKS_AT_ONCE_PER_CORE * Runtime.getRuntime().availableProcessors());
    }

    SignInThrottle(Clock clock, Duration window, int checksAtOnce) {
        this.clock = clock;
        this.window = window;
        this.checks = new Semaphore(checksAtOnce, true);
    }

    protected SignInThrottle() {
        // for CDI's proxy
        this.clock = null;
        this.window = null;
        this.checks = null;
    }

    /** Empty when {@code name} may be tried from {@code address} now. */
    public Optional<Refusal> refusal(String address, String name) {
        Instant now = clock.instant();
        if (count(addressKey(address), now) >= PER_ADDRESS) {
            return Optional.of(Refusal.ADDRESS);
        }
        if (count(nameKey(address, name), now) >= PER_ADDRESS_AND_NAME) {
            return Optional.of(Refusal.NAME_FROM_ADDRESS);
        }
        return Optional.empty();
    }

    public void failed(String address, String name) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(w -> w.expiredAt(now));
        }
        failures.compute(addressKey(address), (key, w) -> Window.add(w, now, window));
        failures.compute(nameKey(address, name), (key, w) -> Window.add(w, now, window));
    }

    /** The right password from this address: its failures with this name are forgiven. */
    public void succeeded(String address, String name) {
        failures.remove(nameKey(address, name));
    }

    /**
     * Runs a password check when fewer than the limit run at once, waiting up to {@code patience}
     * for room; empty when there was none.
     */
    public <T> Optional<T> check(Duration patience, java.util.function.Supplier<T> passwordCheck) {
        try {
            if (!checks.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(passwordCheck.get());
        } finally {
            checks.release();
        }
    }

    /** When the address's window ends: the soonest it may try again. */
    public Duration waitFor(String address) {
        Window w = failures.get(addressKey(address));
        Instant now = clock.instant();
        return w == null || w.expiredAt(now) ? Duration.ZERO : Duration.between(now, w.end());
    }

    private int count(String key, Instant now) {
        Window w = failures.get(key);
        return w == null || w.expiredAt(now) ? 0 : w.count();
    }

    private static String addressKey(String address) {
        return String.valueOf(address);
    }

    private static String nameKey(String address, String name) {
        return address + "\n" + (name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** Failures counted from the first one for one window's length. */
    private record Window(Instant end, int count) {

        static Window add(Window current, Instant now, Duration length) {
            return current == null || current.expiredAt(now) ? new Window(now.plus(length), 1) : new Window(current.end, current.count + 1);
        }

        boolean expiredAt(Instant now) {
            return !now.isBefore(end);
        }
    }
}
