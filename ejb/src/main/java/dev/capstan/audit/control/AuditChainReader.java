package dev.capstan.audit.control;

import dev.capstan.audit.entity.ActorKind;
import dev.capstan.audit.entity.AuditEntry;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.audit.entity.AuditRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Reads the chain in sequence order with a database cursor, one row at a time, so verifying or
 * exporting millions of entries needs no more memory than a few. Plain JDBC on purpose: a JPA
 * persistence context would keep every entry it ever loaded. Must run inside a transaction
 * (PostgreSQL only streams with auto-commit off).
 */
@Dependent
public class AuditChainReader {

    private static final String SELECT = "SELECT sequence, occurred_at, actor_kind, actor_name, actor_roles, action,"
            + " target_type, target_id, target_name, project, environment, outcome, client_address, user_agent,"
            + " request_id, details, previous_hash, entry_hash FROM audit_entry ORDER BY sequence";

    @Resource(lookup = "java:jboss/datasources/CapstanDS")
    DataSource dataSource;

    /** Hands every entry, oldest first, to {@code reader}, and returns what it returns. */
    public <T> T readAll(Function<Iterator<AuditRecord>, T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setFetchSize(1_000);
            try (ResultSet rows = select.executeQuery()) {
                return reader.apply(new RowIterator(rows));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    private static AuditRecord toRecord(ResultSet row) throws SQLException {
        return new AuditRecord(row.getLong(1), row.getTimestamp(2).toInstant(), ActorKind.valueOf(row.getString(3)),
                row.getString(4), AuditEntry.roles(row.getString(5)), row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), row.getString(10), row.getString(11), AuditOutcome.valueOf(row.getString(12)),
                row.getString(13), row.getString(14), row.getString(15), row.getString(16), row.getString(17),
                row.getString(18));
    }

    private static final class RowIterator implements Iterator<AuditRecord> {

        private final ResultSet rows;
        private Boolean hasNext;

        RowIterator(ResultSet rows) {
            this.rows = rows;
        }

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
    }
}
