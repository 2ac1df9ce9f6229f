package dev.capstan.audit.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.control.AuditChainStatus;
import dev.capstan.audit.control.AuditKeys;
import dev.capstan.audit.control.AuditWitness;
import dev.capstan.audit.entity.Actor;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEntry;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.audit.entity.AuditRecord;
import dev.capstan.audit.entity.CheckpointRecord;
import dev.capstan.audit.entity.ChainVerification;
import dev.capstan.audit.entity.ChainVerifier;
import dev.capstan.audit.entity.Witness;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/** Checks the whole chain on demand, and remembers each check in the trail itself. */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME})
public class AuditVerification {

    private static final Logger LOG = Logger.getLogger(AuditVerification.class.getName());

    static final String ACTION = "audit.verified";

    @EJB
    AuditChainPrefetch prefetch;

    @EJB
    AuditTrail audit;

    @EJB
    AuditCheckpoints checkpoints;

    @Inject
    AuditChainer chainer;

    @Inject
    AuditKeys keys;

    @Inject
    AuditWitness witness;

    @Inject
    AuditChainStatus status;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    /** The result of the newest verification, as recorded in the trail. */
    public record LastVerification(Instant at, String by, boolean intact, String result) {
    }

    public ChainVerification verifyNow() {
        return verify(audit.caller());
    }

    /** For Capstan's own scheduled job. Open to all callers: it reads, and records that it did. */
    @PermitAll
    public ChainVerification verifyAsJob(String job) {
        return verify(Actor.system(job));
    }

    private ChainVerification verify(Actor actor) {
        chainer.linkAll(); // verifies every committed entry
        List<CheckpointRecord> signed = checkpoints.all();
        ChainVerification result = verifyPrefetched(signed, witness.read());
        status.verified(result, result.isIntact() ? result.entriesChecked() : Math.max(0, result.firstBadSequence() - 1),
                clock.instant());
        if (!result.isIntact()) {
            LOG.severe(() -> "The audit trail was tampered with: " + result.damage() + " at entry " + result.firstBadSequence()
                    + ": " + result.explanation());
        }
        AuditDetails details = AuditDetails.none().with("intact", result.isIntact()).with("entriesChecked", result.entriesChecked())
                .with("result", result.explanation());
        if (!result.isIntact()) {
            details.with("firstBadSequence", result.firstBadSequence()).with("damage", result.damage());
        }
        audit.record(actor, AuditEvent.of(ACTION).with(details.with("checkpoints", signed.size())), AuditOutcome.SUCCEEDED);
        return result;
    }

    /** Verifies while a second thread reads the chain from the database (AuditChainPrefetch). */
    private ChainVerification verifyPrefetched(List<CheckpointRecord> signed, Witness witnessed) {
        BlockingQueue<AuditRecord> queue = new ArrayBlockingQueue<>(4_096);
        AtomicBoolean stopped = new AtomicBoolean();
        Future<Long> reading = prefetch.readWholeChain(queue, stopped);
        try {
            ChainVerification result = ChainVerifier.verify(new QueueIterator(queue), signed, witnessed, keys.verificationKeys());
            stopped.set(true);
            reading.get();
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Verification was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the audit trail: " + e.getCause().getMessage(), e.getCause());
        } finally {
            stopped.set(true);
        }
    }

    /** The queue's entries up to the END marker. */
    private static final class QueueIterator implements Iterator<AuditRecord> {
        private final BlockingQueue<AuditRecord> queue;
        private AuditRecord next;

        QueueIterator(BlockingQueue<AuditRecord> queue) {
            this.queue = queue;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Verification was interrupted", e);
                }
            }
            return next != AuditChainPrefetch.END;
        }

        @Override
        public AuditRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AuditRecord current = next;
            next = null;
            return current;
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<LastVerification> last() {
        return em.createQuery("select e from AuditEntry e where e.action = :action order by e.sequence desc", AuditEntry.class)
                .setParameter("action", ACTION).setMaxResults(1).getResultStream().findFirst()
                .map(AuditEntry::toRecord)
                .map(record -> {
                    try (JsonReader json = Json.createReader(new StringReader(record.details()))) {
                        JsonObject details = json.readObject();
                        return new LastVerification(record.time(), record.actorName(), details.getBoolean("intact", false),
                                details.getString("result", ""));
                    }
                });
    }
}
