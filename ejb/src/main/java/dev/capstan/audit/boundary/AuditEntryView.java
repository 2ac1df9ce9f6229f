package dev.capstan.audit.boundary;

import dev.capstan.audit.entity.AuditRecord;

import java.util.List;

/** One entry as the audit log shows it, with its changed fields taken out of the details for the diff. */
public record AuditEntryView(AuditRecord entry, List<Change> changes) {

    /** A changed field: before and after as JSON text. */
    public record Change(String field, String before, String after) {
    }
}
