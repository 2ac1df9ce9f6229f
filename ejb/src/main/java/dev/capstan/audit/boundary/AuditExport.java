package dev.capstan.audit.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.control.AuditChainReader;
import dev.capstan.audit.control.AuditWitness;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditQuery;
import dev.capstan.audit.entity.CheckpointRecord;
import dev.capstan.audit.offline.AuditExportFormat;
import dev.capstan.platform.BusinessRuleException;
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
import java.util.List;
import java.util.Optional;

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
    AuditChainer chainer;

    @Inject
    AuditChainReader reader;

    @EJB
    AuditCheckpoints checkpoints;

    @EJB
    AuditTrail audit;

    @Inject
    AuditWitness witness;

    @Inject
    Clock clock;

    /** Records the export, committed before any entry leaves the server. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordExport(AuditQuery query, Format format) {
        audit.record(AuditEvent.of("audit.exported").with(AuditDetails.none()
                .with("format", format.extension).with("filters", AuditExportFormat.filters(query))));
    }

    /**
     * A complete JSON Lines export ends at a checkpoint signed for it (its header's "complete" is
     * not signed; the checkpoint is what proves nothing after it was left out). Checkpoints the
     * witness holds but the database lost are written too, marked, so that the offline verifier
     * finds what the server finds.
     *
     * @return how many entries were written
     */
    public long write(AuditQuery query, Format format, Writer out) {
        chainer.linkAll(); // the export lists every committed action, its own recording included
        try {
            AuditChainReader.Selection selection = AuditChainReader.Selection.oldestFirst(query);
            if (format == Format.JSON_LINES) {
                Optional<CheckpointRecord> end = query.isEverything() ? endCheckpoint() : Optional.empty();
                if (end.isPresent()) {
                    selection = new AuditChainReader.Selection(query, end.get().sequence() + 1, null, null, false);
                }
                line(out, AuditExportFormat.header(clock.instant(), query));
                List<CheckpointRecord> stored = checkpoints.all();
                for (CheckpointRecord checkpoint : stored) {
                    line(out, AuditExportFormat.checkpoint(checkpoint));
                }
                for (CheckpointRecord witnessed : witness.read().checkpoints()) {
                    if (!stored.contains(witnessed)) {
                        line(out, AuditExportFormat.checkpoint(witnessed, true));
                    }
                }
            } else {
                line(out, AuditExportFormat.CSV_HEADER);
            }
            long written = reader.read(selection, entries -> {
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

    /**
     * A checkpoint for the export to end at. Refused when the chain is behind what the witness
     * saw: then the export still goes out, whole, and the verifier reports what the server reports.
     */
    private Optional<CheckpointRecord> endCheckpoint() {
        try {
            return checkpoints.signForExport();
        } catch (BusinessRuleException refusedOnDamage) {
            return Optional.empty();
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
