package dev.capstan.audit.entity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Audit entries read with plain JDBC: the column list, in the canonical form's order, and an
 * iterator over a cursor that maps one row at a time. Shared by the server's reader and the
 * benchmarks, so both read exactly alike.
 */
public final class AuditRows {

    /** The columns to SELECT, in the order {@link #iterate} reads them. */
    public static final String COLUMNS = "sequence, occurred_at, actor_kind, actor_name, actor_roles, action,"
            + " target_type, target_id, target_name, project, environment, outcome, client_address, user_agent,"
            + " request_id, details, previous_hash, entry_hash";

    private AuditRows() {
    }

    /** The rows of a query that selected {@link #COLUMNS}, as entries; SQL errors surface as IllegalStateException. */
    public static Iterator<AuditRecord> iterate(ResultSet rows) {
        return new Iterator<>() {
            private Boolean hasNext;

            @Override
            public boolean hasNext() {
                if (hasNext == null) {
                    try {
                        hasNext = rows.next();
                    } catch (SQLException e) {
                        throw new IllegalStateException("Cannot read the audit trail: " + e.getMessage(), e);
                    }
                }
                return hasNext;
            }

            @Override
            public AuditRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                hasNext = null;
                try {
                    return toRecord(rows);
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot read the audit trail: " + e.getMessage(), e);
                }
            }
        };
    }

    private static AuditRecord toRecord(ResultSet row) throws SQLException {
        return new AuditRecord(row.getLong(1), row.getTimestamp(2).toInstant(), ActorKind.valueOf(row.getString(3)),
                row.getString(4), AuditEntry.roles(row.getString(5)), row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), row.getString(10), row.getString(11), AuditOutcome.valueOf(row.getString(12)),
                row.getString(13), row.getString(14), row.getString(15), row.getString(16), row.getString(17),
                row.getString(18));
    }
}
