package dev.capstan.audit.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.control.AuditChainReader;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditQuery;
import dev.capstan.audit.entity.CheckpointRecord;
import dev.capstan.audit.offline.AuditExportFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;

/**
 * Exports the (filtered) log, streamed from a database cursor to the response: a million rows
 * never sit in memory. JSON Lines carries the hashes and the signed checkpoints for the offline
 * verifier; CSV is for reading.
 */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME})
public class AuditExport {

    public enum Format {
        JSON_LINES("jsonl", "application/x-ndjson; charset=UTF-8"),
        CSV("csv", "text/csv; charset=UTF-8");

        public final String extension;
        public final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    @Inject
    AuditChainReader reader;

    @EJB
    AuditCheckpoints checkpoints;

    @EJB
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Records the export, committed before any entry leaves the server. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordExport(AuditQuery query, Format format) {
        audit.record(AuditEvent.of("audit.exported").with(AuditDetails.none()
                .with("format", format.extension).with("filters", AuditExportFormat.filters(query))));
    }

    /** @return how many entries were written */
    public long write(AuditQuery query, Format format, Writer out) {
        try {
            if (format == Format.JSON_LINES) {
                line(out, AuditExportFormat.header(clock.instant(), query));
                for (CheckpointRecord checkpoint : checkpoints.all()) {
                    line(out, AuditExportFormat.checkpoint(checkpoint));
                }
            } else {
                line(out, AuditExportFormat.CSV_HEADER);
            }
            long written = reader.read(AuditChainReader.Selection.oldestFirst(query), entries -> {
                long count = 0;
                while (entries.hasNext()) {
                    var entry = entries.next();
                    line(out, format == Format.JSON_LINES ? AuditExportFormat.entry(entry) : AuditExportFormat.csvRow(entry));
                    count++;
                }
                return count;
            });
            out.flush();
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("The export was interrupted: " + e.getMessage(), e);
        }
    }

    private static void line(Writer out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("The export was interrupted: " + e.getMessage(), e);
        }
    }
}
