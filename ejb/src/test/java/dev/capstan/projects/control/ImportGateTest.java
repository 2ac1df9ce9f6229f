package dev.capstan.projects.control;

import dev.capstan.platform.TooManyRequestsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportGateTest {

    private final ImportGate gate = new ImportGate();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch finish = new CountDownLatch(1);
    private final List<Future<String>> running = new ArrayList<>();

    @AfterEach
    void stop() {
        finish.countDown();
        threads.shutdownNow();
    }

    @Test
    void aThirdImportOfTheSameUserIsRefusedWithWhenToRetryWhileOthersStillGetIn() throws Exception {
        hold("alice");
        hold("alice");

        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class, () -> gate.through("alice", () -> "third"));

        assertEquals("You have 2 imports running already; wait for one to finish, then try again.", refused.getMessage());
        assertEquals(2, refused.retryAfterSeconds());
        assertEquals("bob's", gate.through("bob", () -> "bob's"));
    }

    @Test
    void beyondFourAtOnceEveryoneWaitsAndAFinishedImportMakesRoom() throws Exception {
        hold("alice");
        hold("alice");
        hold("bob");
        hold("carol");

        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class, () -> gate.through("dave", () -> "fifth"));
        assertTrue(refused.getMessage().startsWith("Capstan is importing 4 project files already"), refused.getMessage());

        finish.countDown();
        for (Future<String> done : running) {
            done.get(5, TimeUnit.SECONDS);
        }
        assertEquals("dave's", gate.through("dave", () -> "dave's"));
        assertEquals("alice's", gate.through("alice", () -> "alice's"));
    }

    @Test
    void aFailedImportGivesItsPlaceBack() {
        for (int i = 0; i < 10; i++) {
            assertThrows(IllegalStateException.class, () -> gate.through("alice", () -> {
                throw new IllegalStateException("broken file");
            }));
        }

        assertEquals("fine", gate.through("alice", () -> "fine"));
    }

    /** Starts an import for {@code user} that runs until the test lets it finish. */
    private void hold(String user) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        running.add(threads.submit(() -> gate.through(user, () -> {
            started.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return user;
        })));
        assertTrue(started.await(5, TimeUnit.SECONDS), user + "'s import did not start");
    }
}
