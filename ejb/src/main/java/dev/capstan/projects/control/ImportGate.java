package dev.capstan.projects.control;

import dev.capstan.platform.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many imports (dry runs and applies) run at once: {@value #PER_USER} per user and
 * {@value #OVERALL} in all. An import reads, checks and compares a whole project file, which is
 * work one request can multiply; beyond these bounds the caller is told to retry instead of
 * queueing, so one person's flood neither exhausts memory nor delays anyone else's request.
 */
@ApplicationScoped
public class ImportGate {

    static final int PER_USER = 2;
    static final int OVERALL = 4;
    /** An import takes well under a second; this is when a retry likely finds room. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final Semaphore overall = new Semaphore(OVERALL);
    private final Map<String, Integer> runningByUser = new ConcurrentHashMap<>();

    /** Runs {@code work} for {@code username} if there is room, else refuses at once. */
    public <T> T through(String username, Supplier<T> work) {
        enter(username);
        try {
            if (!overall.tryAcquire()) {
                throw new TooManyRequestsException("Capstan is importing " + OVERALL + " project files already; "
                        + "try again in a few seconds.", RETRY_AFTER_SECONDS);
            }
            try {
                return work.get();
            } finally {
                overall.release();
            }
        } finally {
            leave(username);
        }
    }

    private void enter(String username) {
        boolean[] room = {false};
        runningByUser.compute(username, (user, running) -> {
            int now = running == null ? 0 : running;
            room[0] = now < PER_USER;
            return room[0] ? now + 1 : running;
        });
        if (!room[0]) {
            throw new TooManyRequestsException("You have " + PER_USER + " imports running already; "
                    + "wait for one to finish, then try again.", RETRY_AFTER_SECONDS);
        }
    }

    private void leave(String username) {
        runningByUser.computeIfPresent(username, (user, running) -> running <= 1 ? null : running - 1);
    }
}
