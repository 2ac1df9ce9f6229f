package dev.capstan.audit.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.control.AuditKeys;
import dev.capstan.audit.entity.Actor;
import dev.capstan.audit.entity.AuditChainHead;
import dev.capstan.audit.entity.AuditCheckpoint;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.audit.entity.CheckpointRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Signs the chain head: hourly by a timer ({@link AuditSchedule}), or now on an auditor's request. */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME})
public class AuditCheckpoints {

    static final String ACTION = "audit.checkpoint-signed";

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    @Inject
    AuditKeys keys;

    @Inject
    Clock clock;

    @EJB
    AuditTrail audit;

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

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CheckpointRecord> all() {
        return em.createQuery("select c from AuditCheckpoint c order by c.sequence, c.id", AuditCheckpoint.class)
                .getResultStream().map(AuditCheckpoint::toRecord).toList();
    }

    private Optional<CheckpointRecord> sign(String slot, Actor actor) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        if (head.lastSequence() == 0) {
            return Optional.empty();
        }
        AuditCheckpoint checkpoint = AuditCheckpoint.sign(slot, head, clock.instant(), keys.checkpointKey());
        em.persist(checkpoint);
        audit.record(actor, AuditEvent.of(ACTION).with(AuditDetails.none().with("slot", slot)
                .with("sequence", checkpoint.sequence()).with("entryHash", checkpoint.entryHash())), AuditOutcome.SUCCEEDED);
        return Optional.of(checkpoint.toRecord());
    }
}
