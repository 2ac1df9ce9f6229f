package dev.capstan.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Links pending entries into the chain soon after they commit, many at a time: like a database's
 * group commit, every entry committed before a linking run starts is linked by that run, and one
 * run at a time is enough. Actions ask for a run after their commit ({@link #requestRun}) and do
 * not wait for it; whoever reads the chain (the log, an export, a verification) links what is
 * pending first ({@link #linkAll}), so it sees every committed action. Runs on one node; several
 * nodes still link one batch at a time, under the head's lock.
 */
@ApplicationScoped
public class AuditChainer {

    private static final Logger LOG = Logger.getLogger(AuditChainer.class.getName());

    @Resource
    ManagedExecutorService executor;

    @EJB
    AuditLinker linker;

    private final Object runs = new Object();
    /** The run that will see every commit made so far. */
    private long requested;
    private long started;
    private boolean running;

    /** Asks for a linking run that starts from now on, on the managed executor; returns at once. */
    public void requestRun() {
        synchronized (runs) {
            requested = started + 1;
            if (!running) {
                running = true;
                try {
                    executor.execute(this::runWhileRequested);
                } catch (RejectedExecutionException shuttingDown) {
                    running = false; // the entries stay pending; the shutdown or the next start links them
                }
            }
        }
    }

    /** Links every pending entry, in the calling thread (before reading the chain; startup, shutdown, timers). */
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
            synchronized (runs) {
                if (started >= requested) {
                    running = false;
                    return;
                }
                started++;
            }
            linkAll();
        }
    }
}
