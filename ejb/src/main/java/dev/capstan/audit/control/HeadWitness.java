package dev.capstan.audit.control;

import dev.capstan.audit.entity.AuditChainHead;
import dev.capstan.audit.entity.AuditCheckpoint;
import dev.capstan.audit.entity.CheckpointMark;
import dev.capstan.audit.entity.CheckpointRecord;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Holds the database's chain head to the witness: says when it is behind what was witnessed
 * (cut back, or rewritten), and otherwise writes it to the witness. Used every minute, at start
 * and shutdown ({@code AuditSchedule}) and before every signing ({@code AuditCheckpoints}).
 */
@Dependent
public class HeadWitness {

    private static final Logger LOG = Logger.getLogger(HeadWitness.class.getName());

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    @Inject
    AuditWitness witness;

    @Inject
    Clock clock;

    /** Every stored checkpoint, oldest first. */
    public List<CheckpointRecord> storedCheckpoints() {
        return em.createQuery("select c from AuditCheckpoint c order by c.sequence, c.id", AuditCheckpoint.class)
                .getResultStream().map(AuditCheckpoint::toRecord).toList();
    }

    /**
     * Writes the head to the witness, unless it is behind what was witnessed before: then it logs
     * the damage and leaves the witness as it was. The first time (a new install, or the upgrade
     * that brought the witness), the witness starts with every checkpoint the database holds.
     */
    public void witness() {
        if (!witness.exists()) {
            List<CheckpointRecord> stored = storedCheckpoints();
            witness.checkpointsSigned(stored);
            LOG.info(() -> "Started the audit witness in " + AuditKeys.directory() + " with " + stored.size() + " checkpoints");
        }
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        Optional<String> damage = behind(head);
        if (damage.isPresent()) {
            LOG.severe(() -> "The audit trail was tampered with: " + damage.get());
        } else if (head.lastSequence() > 0) {
            witness.headSeen(head.lastSequence(), head.lastHash(), clock.instant());
        }
    }

    /** Why {@code head} cannot follow the head witnessed before (cut back, or rewritten), if it cannot. */
    public Optional<String> behind(AuditChainHead head) {
        Optional<CheckpointMark> seen = witness.head();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        CheckpointMark witnessed = seen.get();
        if (head.lastSequence() < witnessed.sequence()) {
            return Optional.of("the chain ends at entry " + head.lastSequence() + ", but this server saw it reach entry "
                    + witnessed.sequence() + ": entries were cut off.");
        }
        List<String> hash = em.createQuery("select e.entryHash from AuditEntry e where e.sequence = :sequence", String.class)
                .setParameter("sequence", witnessed.sequence()).getResultList();
        if (hash.isEmpty() || !hash.get(0).equals(witnessed.entryHash())) {
            return Optional.of("entry " + witnessed.sequence() + " is not the one this server saw: the chain was rewritten.");
        }
        return Optional.empty();
    }
}
