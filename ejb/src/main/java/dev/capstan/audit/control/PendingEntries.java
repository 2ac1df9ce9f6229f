package dev.capstan.audit.control;

import dev.capstan.audit.entity.AuditChainHead;
import dev.capstan.audit.entity.AuditRecord;
import dev.capstan.audit.entity.AuditRows;
import dev.capstan.audit.entity.PendingAuditEntry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Moves committed pending entries into the chain (docs/audit.md, "Pending entries"). */
@Dependent
public class PendingEntries {

    /** Entries per INSERT statement: the database checks each statement's entries at once. */
    private static final int ROWS_PER_INSERT = 100;
    private static final int COLUMNS = 19;

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    /** The same connection as the persistence context's: a transaction holds one connection of this pool. */
    @Resource(lookup = "java:jboss/datasources/CapstanDS")
    DataSource dataSource;

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
        List<AuditRecord> linked = new ArrayList<>(pending.size());
        List<Long> ids = new ArrayList<>(pending.size());
        for (PendingAuditEntry entry : pending) {
            AuditRecord record = lockedHead.link(entry.unlinked());
            linked.add(record);
            ids.add(entry.id());
        }
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < linked.size(); from += ROWS_PER_INSERT) {
                int to = Math.min(linked.size(), from + ROWS_PER_INSERT);
                insert(connection, linked.subList(from, to), ids.subList(from, to));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Pending audit entries could not be linked into the chain", e);
        }
        // after the chained entries: the database lets a pending entry go only once it is chained
        em.createQuery("delete from PendingAuditEntry p where p.id in :ids").setParameter("ids", ids).executeUpdate();
        return pending.size();
    }

    private static void insert(Connection connection, List<AuditRecord> records, List<Long> pendingIds) throws SQLException {
        String row = "(" + String.join(", ", Collections.nCopies(COLUMNS, "?")) + ")";
        String sql = "INSERT INTO audit_entry (" + AuditRows.COLUMNS + ", pending_id) VALUES "
                + String.join(", ", Collections.nCopies(records.size(), row));
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int column = 1;
            for (int i = 0; i < records.size(); i++) {
                AuditRecord record = records.get(i);
                insert.setLong(column++, record.sequence());
                insert.setObject(column++, record.time().atOffset(ZoneOffset.UTC));
                for (String text : new String[]{record.actorKind().name(), record.actorName(), String.join(",", record.actorRoles()),
                        record.action(), record.targetType(), record.targetId(), record.targetName(), record.project(),
                        record.environment(), record.outcome().name(), record.clientAddress(), record.userAgent(),
                        record.requestId(), record.details(), record.previousHash(), record.hash()}) {
                    insert.setString(column++, text);
                }
                insert.setLong(column++, pendingIds.get(i));
            }
            insert.executeUpdate();
        }
    }
}
