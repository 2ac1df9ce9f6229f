package dev.capstan.audit.boundary;

import dev.capstan.audit.control.CurrentRequest;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Links pending entries into the chain soon after they commit, many at a time: like a database's
 * group commit, every entry committed before a linking run starts is linked by that run, and one
 * run at a time is enough. Actions ask for a run after their commit ({@link #requestRun}); a web
 * request then waits for it before it answers ({@link #awaitRun}), so whoever reads the audit log
 * next sees the entry. Runs on one node; several nodes still link one batch at a time, under the
 * head's lock.
 */
@ApplicationScoped
public class AuditChainer {

    private static final Logger LOG = Logger.getLogger(AuditChainer.class.getName());
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    @Resource
    ManagedExecutorService executor;

    @EJB
    AuditLinker linker;

    private final Object runs = new Object();
    /** The run that will see every commit made so far. */
    private long requested;
    private long started;
    private long finished;
    private boolean running;

    /** Asks for a linking run that starts from now on. @return its number, for {@link #awaitRun} */
    public long requestRun() {
        synchronized (runs) {
            requested = started + 1;
            if (!running) {
                running = true;
                try {
                    executor.execute(this::runWhileRequested);
                } catch (RejectedExecutionException shuttingDown) {
                    running = false; // the entries stay pending; the next start links them
                }
            }
            return requested;
        }
    }

    /** Waits (at most a few seconds) until run {@code run} has finished, well or not. */
    public void awaitRun(long run) {
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        synchronized (runs) {
            while (finished < run) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warning(() -> "Audit entries were not linked into the chain within " + LONGEST_WAIT.toSeconds()
                            + " s; they stay pending and are linked later");
                    return;
                }
                try {
                    runs.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits until what this web request has recorded so far is in the chain: it is about to be shown, exported or answered. */
    public void awaitRecordedBy(CurrentRequest request) {
        if (request.chainRun() > 0) {
            awaitRun(request.chainRun());
        }
    }

    /** Links every pending entry, in the calling thread (startup, shutdown, timers). */
    public void linkAll() {
        try {
            while (linker.linkBatch() == AuditLinker.BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Pending audit entries could not be linked into the chain; they stay pending and are linked later", e);
        }
    }

    private void runWhileRequested() {
        while (true) {
            long run;
            synchronized (runs) {
                if (started >= requested) {
                    running = false;
                    return;
                }
                run = ++started;
            }
            linkAll();
            synchronized (runs) {
                finished = run;
                runs.notifyAll();
            }
        }
    }
}
