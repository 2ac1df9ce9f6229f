package dev.capstan.audit.control;

import dev.capstan.audit.entity.AuditChainHead;
import dev.capstan.audit.entity.AuditEntry;
import dev.capstan.audit.entity.PendingAuditEntry;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Moves committed pending entries into the chain (docs/audit.md, "Pending entries"). */
@Dependent
public class PendingEntries {

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    /**
     * Links up to {@code max} pending entries, oldest first, after the head, and removes them from
     * the pending table, in the caller's transaction. The caller holds the head's lock (and has not
     * recorded anything itself in this transaction yet: its entry would be read back undated).
     *
     * @return how many were linked
     */
    public int link(AuditChainHead lockedHead, int max) {
        List<PendingAuditEntry> pending = em.createQuery("select p from PendingAuditEntry p order by p.id", PendingAuditEntry.class)
                .setMaxResults(max).getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        for (PendingAuditEntry entry : pending) {
            em.persist(new AuditEntry(lockedHead.link(entry.unlinked()), entry.id()));
        }
        em.flush(); // the chained entries first: the database lets a pending entry go only once it is chained
        em.createQuery("delete from PendingAuditEntry p where p.id in :ids")
                .setParameter("ids", pending.stream().map(PendingAuditEntry::id).toList()).executeUpdate();
        return pending.size();
    }
}
