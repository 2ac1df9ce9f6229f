package dev.capstan.audit.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.entity.AuditEntry;
import dev.capstan.audit.entity.AuditRecord;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the audit log for auditors and administrators: filtered, newest first, paged by
 * sequence number (keyset), so the thousandth page costs what the first does.
 */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditLog {

    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    /** @param olderThan only entries before this sequence number; null for the newest */
    public AuditEntryPage page(AuditQuery query, Long olderThan, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        Map<String, Object> parameters = new java.util.HashMap<>();
        List<String> conditions = conditions(query, parameters);
        if (olderThan != null) {
            conditions.add("e.sequence < :olderThan");
            parameters.put("olderThan", olderThan);
        }
        TypedQuery<AuditEntry> select = em.createQuery("select e from AuditEntry e"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by e.sequence desc", AuditEntry.class);
        parameters.forEach(select::setParameter);
        List<AuditEntry> found = select.setMaxResults(pageSize + 1).getResultList();
        List<AuditEntryView> entries = found.stream().limit(pageSize).map(AuditEntry::toRecord).map(AuditLog::view).toList();
        Long next = found.size() > pageSize ? entries.get(pageSize - 1).entry().sequence() : null;
        return new AuditEntryPage(entries, next);
    }

    private static List<String> conditions(AuditQuery query, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.from() != null) {
            conditions.add("e.occurredAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            conditions.add("e.occurredAt < :to");
            parameters.put("to", query.to());
        }
        if (query.actor() != null) {
            conditions.add("e.actorName = :actor");
            parameters.put("actor", query.actor().toLowerCase(Locale.ROOT));
        }
        if (query.action() != null) {
            if (query.action().endsWith(".")) {
                conditions.add("e.action like :action escape '\\'");
                parameters.put("action", escapeLike(query.action()) + "%");
            } else {
                conditions.add("e.action = :action");
                parameters.put("action", query.action());
            }
        }
        if (query.project() != null) {
            conditions.add("e.project = :project");
            parameters.put("project", query.project());
        }
        if (query.environment() != null) {
            conditions.add("e.environment = :environment");
            parameters.put("environment", query.environment());
        }
        if (query.outcome() != null) {
            conditions.add("e.outcome = :outcome");
            parameters.put("outcome", query.outcome());
        }
        if (query.target() != null) {
            conditions.add("(lower(e.targetName) like :target escape '\\' or lower(e.targetId) like :target escape '\\')");
            parameters.put("target", "%" + escapeLike(query.target().toLowerCase(Locale.ROOT)) + "%");
        }
        return conditions;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static AuditEntryView view(AuditRecord record) {
        List<AuditEntryView.Change> changes = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(record.details()))) {
            JsonObject details = reader.readObject();
            JsonObject changed = details.containsKey("changes") ? details.getJsonObject("changes") : JsonValue.EMPTY_JSON_OBJECT;
            changed.forEach((field, change) -> changes.add(new AuditEntryView.Change(field,
                    change.asJsonObject().get("before").toString(), change.asJsonObject().get("after").toString())));
        }
        return new AuditEntryView(record, changes);
    }
}
