package dev.capstan.audit.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.control.AuditChainReader;
import dev.capstan.audit.control.AuditChainReader.Selection;
import dev.capstan.audit.entity.AuditQuery;
import dev.capstan.audit.entity.AuditRecord;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the audit log for auditors and administrators: filtered, newest first, paged by
 * sequence number (keyset), so the thousandth page costs what the first does.
 */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditLog {

    public static final int MAX_PAGE_SIZE = 200;

    @Inject
    AuditChainer chainer;

    @Inject
    AuditChainReader reader;

    /** @param olderThan only entries before this sequence number; null for the newest */
    public AuditEntryPage page(AuditQuery query, Long olderThan, int size) {
        chainer.linkAll(); // every committed action shows, also one recorded a moment ago
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        List<AuditRecord> found = reader.read(new Selection(query, olderThan, null, pageSize + 1, true), AuditLog::toList);
        List<AuditEntryView> entries = found.stream().limit(pageSize).map(AuditLog::view).toList();
        Long next = found.size() > pageSize ? entries.get(pageSize - 1).entry().sequence() : null;
        return new AuditEntryPage(entries, next);
    }

    /**
     * The cursor of the page newer than the one read with {@code olderThan}: its entries are the
     * {@code size} matching ones from {@code olderThan} on, so it needs no memory of the pages
     * seen before (a page opened from a link pages back too). Null when that is the newest page.
     */
    public Long newerThan(AuditQuery query, long olderThan, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        List<AuditRecord> found = reader.read(new Selection(query, null, olderThan, pageSize + 1, false), AuditLog::toList);
        return found.size() > pageSize ? found.get(pageSize).sequence() : null;
    }

    private static List<AuditRecord> toList(Iterator<AuditRecord> entries) {
        List<AuditRecord> list = new ArrayList<>();
        entries.forEachRemaining(list::add);
        return list;
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
