package dev.capstan.audit.control;

import dev.capstan.audit.entity.AuditQuery;
import dev.capstan.audit.entity.AuditRecord;
import dev.capstan.audit.entity.AuditRows;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads audit entries with a database cursor, one row at a time, so verifying or exporting
 * millions of entries needs no more memory than a few. Plain JDBC on purpose: a JPA persistence
 * context would keep every entry it ever loaded. Must run inside a transaction (PostgreSQL only
 * streams with auto-commit off).
 */
@Dependent
public class AuditChainReader {

    /**
     * How to read: which entries (those matching the query, before {@code olderThan} and from
     * {@code fromSequence} on, where given), in which direction, how many.
     */
    public record Selection(AuditQuery query, Long olderThan, Long fromSequence, Integer limit, boolean newestFirst) {

        public static final Selection WHOLE_CHAIN = oldestFirst(AuditQuery.ALL);

        public static Selection oldestFirst(AuditQuery query) {
            return new Selection(query, null, null, null, false);
        }
    }

    @Resource(lookup = "java:jboss/datasources/CapstanDS")
    DataSource dataSource;

    /** Hands the selected entries to {@code reader} as they stream in, and returns what it returns. */
    public <T> T read(Selection selection, Function<Iterator<AuditRecord>, T> reader) {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT " + AuditRows.COLUMNS + " FROM audit_entry" + where(selection, parameters)
                + " ORDER BY sequence" + (selection.newestFirst() ? " DESC" : "")
                + (selection.limit() == null ? "" : " LIMIT " + selection.limit());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            select.setFetchSize(1_000);
            try (ResultSet rows = select.executeQuery()) {
                return reader.apply(AuditRows.iterate(rows));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    private static String where(Selection selection, List<Object> parameters) {
        AuditQuery query = selection.query();
        List<String> conditions = new ArrayList<>();
        if (query.from() != null) {
            conditions.add("occurred_at >= ?");
            parameters.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            conditions.add("occurred_at < ?");
            parameters.add(Timestamp.from(query.to()));
        }
        if (query.actor() != null) {
            conditions.add("actor_name = ?");
            parameters.add(query.actor().toLowerCase(Locale.ROOT));
        }
        if (query.action() != null && query.action().endsWith(".")) {
            conditions.add("action LIKE ? ESCAPE '\\'");
            parameters.add(escapeLike(query.action()) + "%");
        } else if (query.action() != null) {
            conditions.add("action = ?");
            parameters.add(query.action());
        }
        if (query.project() != null) {
            conditions.add("project = ?");
            parameters.add(query.project());
        }
        if (query.environment() != null) {
            conditions.add("environment = ?");
            parameters.add(query.environment());
        }
        if (query.outcome() != null) {
            conditions.add("outcome = ?");
            parameters.add(query.outcome().name());
        }
        if (query.target() != null) {
            conditions.add("(LOWER(target_name) LIKE ? ESCAPE '\\' OR LOWER(target_id) LIKE ? ESCAPE '\\')");
            String pattern = "%" + escapeLike(query.target().toLowerCase(Locale.ROOT)) + "%";
            parameters.add(pattern);
            parameters.add(pattern);
        }
        if (selection.olderThan() != null) {
            conditions.add("sequence < ?");
            parameters.add(selection.olderThan());
        }
        if (selection.fromSequence() != null) {
            conditions.add("sequence >= ?");
            parameters.add(selection.fromSequence());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
