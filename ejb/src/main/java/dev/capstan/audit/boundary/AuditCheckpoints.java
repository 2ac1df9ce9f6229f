package dev.capstan.audit.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.control.AuditKeys;
import dev.capstan.audit.control.AuditWitness;
import dev.capstan.audit.control.HeadWitness;
import dev.capstan.audit.control.PendingEntries;
import dev.capstan.audit.entity.Actor;
import dev.capstan.audit.entity.AuditChainHead;
import dev.capstan.audit.entity.AuditCheckpoint;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.audit.entity.CheckpointRecord;
import dev.capstan.platform.BusinessRuleException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs the chain head: hourly by a timer ({@link AuditSchedule}), or now on an auditor's
 * request. Every signed checkpoint also goes to the witness file once committed, and the head
 * is witnessed every minute; a head behind the witnessed one is never signed.
 */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME})
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class.getName());
    static final String ACTION = "audit.checkpoint-signed";

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    @Inject
    AuditKeys keys;

    @Inject
    AuditWitness witness;

    @Inject
    HeadWitness headWitness;

    @Inject
    PendingEntries pending;

    @Inject
    Clock clock;

    @EJB
    AuditTrail audit;

    @Resource
    TransactionSynchronizationRegistry transaction;

    public Optional<CheckpointRecord> signNow() {
        return sign("manual:" + UUID.randomUUID(), audit.caller());
    }

    /**
     * For Capstan's own scheduled job: signs once per slot, however often the timer fires. Open to
     * all callers because it only adds a signature of what is already there.
     */
    @PermitAll
    public Optional<CheckpointRecord> signScheduled(String slot, String job) {
        boolean signedAlready = !em.createQuery("select c.id from AuditCheckpoint c where c.slot = :slot", Long.class)
                .setParameter("slot", slot).getResultList().isEmpty();
        return signedAlready ? Optional.empty() : sign(slot, Actor.system(job));
    }

    /** For a complete export: a checkpoint of the head as it is now, committed before the export ends at it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<CheckpointRecord> signForExport() {
        return sign("export:" + UUID.randomUUID(), audit.caller());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CheckpointRecord> all() {
        return headWitness.storedCheckpoints();
    }

    private Optional<CheckpointRecord> sign(String slot, Actor actor) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        Optional<String> damage = headWitness.behind(head);
        if (damage.isPresent()) {
            LOG.severe(() -> "The audit trail was tampered with: " + damage.get() + " No checkpoint was signed.");
            audit.recordRefusal(AuditEvent.of(ACTION).with(AuditDetails.none().with("slot", slot)), AuditOutcome.FAILED, damage.get());
            throw new BusinessRuleException("Not signed: " + damage.get() + " Verify now names the damage.");
        }
        // Signed under the head's lock, re-read with it: signing a copy read earlier raced with appends.
        // Everything recorded before the signing is linked first, so the checkpoint covers it.
        em.refresh(head, LockModeType.PESSIMISTIC_WRITE);
        pending.link(head, Integer.MAX_VALUE);
        if (head.lastSequence() == 0) {
            return Optional.empty();
        }
        AuditCheckpoint checkpoint = AuditCheckpoint.sign(slot, head, clock.instant(), keys.checkpointKey());
        em.persist(checkpoint);
        audit.record(actor, AuditEvent.of(ACTION).with(AuditDetails.none().with("slot", slot)
                .with("sequence", checkpoint.sequence()).with("entryHash", checkpoint.entryHash())), AuditOutcome.SUCCEEDED);
        CheckpointRecord signed = checkpoint.toRecord();
        afterCommit(() -> {
            witness.checkpointSigned(signed);
            witness.headSeen(signed.sequence(), signed.entryHash(), signed.signedAt());
        });
        return Optional.of(signed);
    }

    /** The witness holds only what the database holds: a checkpoint rolled back must not be witnessed. */
    private void afterCommit(Runnable write) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        write.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "A signed audit checkpoint could not be written to the witness", e);
                    }
                }
            }
        });
    }
}
