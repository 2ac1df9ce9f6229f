package dev.capstan.audit.boundary;

import dev.capstan.audit.control.PendingEntries;
import dev.capstan.audit.entity.AuditChainHead;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * One batch of pending entries linked into the chain, in a transaction of its own: the head is
 * locked for the batch only, and one commit (one WAL flush) serves the whole batch. Only
 * {@link AuditChainer} calls it; open to all because it only moves what is already recorded.
 */
@Stateless
@PermitAll
public class AuditLinker {

    static final int BATCH = 500;

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    @Inject
    PendingEntries pending;

    /** @return how many entries were linked; {@link #BATCH} means there may be more */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int linkBatch() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        return pending.link(head, BATCH);
    }
}
