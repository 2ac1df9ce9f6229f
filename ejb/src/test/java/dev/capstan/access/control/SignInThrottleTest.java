package dev.capstan.access.control;

import dev.capstan.access.control.SignInThrottle.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-26T21:00:00Z");
    private Instant now = T0;
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(clock, Duration.ofMinutes(15), 1);

    @Test
    void fiveFailuresRefuseThatNameFromThatAddressOnlyUntilTheWindowEnds() {
        fail("10.0.0.9", "admin", 5);

        assertEquals(Optional.of(Refusal.NAME_FROM_ADDRESS), throttle.refusal("10.0.0.9", "admin"));
        assertEquals(Optional.of(Refusal.NAME_FROM_ADDRESS), throttle.refusal("10.0.0.9", " ADMIN "), "as the name is typed");
        assertEquals(Optional.empty(), throttle.refusal("10.0.0.7", "admin"), "the real admin, elsewhere, still signs in");
        assertEquals(Optional.empty(), throttle.refusal("10.0.0.9", "alice"));

        now = T0.plus(Duration.ofMinutes(15));
        assertEquals(Optional.empty(), throttle.refusal("10.0.0.9", "admin"));
    }

    @Test
    void twentyFailuresFromOneAddressRefuseItWhateverTheNames() {
        for (int i = 0; i < 20; i++) {
            fail("10.0.0.9", "user-" + i, 1);
        }

        assertEquals(Optional.of(Refusal.ADDRESS), throttle.refusal("10.0.0.9", "someone-new"));
        assertEquals(Optional.empty(), throttle.refusal("10.0.0.8", "someone-new"));
        now = T0.plus(Duration.ofMinutes(5));
        assertEquals(Duration.ofMinutes(10), throttle.waitFor("10.0.0.9"));
    }

    @Test
    void theRightPasswordForgivesThatNamesFailuresButNotTheAddresses() {
        fail("10.0.0.9", "alice", 4);
        throttle.succeeded("10.0.0.9", "alice");
        fail("10.0.0.9", "alice", 4);

        assertEquals(Optional.empty(), throttle.refusal("10.0.0.9", "alice"));
        fail("10.0.0.9", "bob", 12);
        assertEquals(Optional.of(Refusal.ADDRESS), throttle.refusal("10.0.0.9", "alice"), "4 + 4 + 12 failures from one address");
    }

    @Test
    void aPasswordCheckWaitsForRoomAndIsRefusedWhenNoneComes() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try {
            other.submit(() -> throttle.check(Duration.ofSeconds(1), () -> {
                checking.countDown();
                try {
                    return finish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return false;
                }
            }));
            assertTrue(checking.await(5, TimeUnit.SECONDS));

            assertEquals(Optional.empty(), throttle.check(Duration.ofMillis(50), () -> "second"), "one check at a time here");
            finish.countDown();
            assertEquals(Optional.of("third"), throttle.check(Duration.ofSeconds(5), () -> "third"), "it waits for the first to end");
        } finally {
            other.shutdownNow();
        }
    }

    private void fail(String address, String name, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(address, name);
        }
    }
}
