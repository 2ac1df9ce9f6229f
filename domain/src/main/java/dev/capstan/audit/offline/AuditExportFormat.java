package dev.capstan.audit.offline;

import dev.capstan.audit.entity.ActorKind;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.audit.entity.AuditQuery;
import dev.capstan.audit.entity.AuditRecord;
import dev.capstan.audit.entity.CanonicalJson;
import dev.capstan.audit.entity.CheckpointRecord;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The export formats. JSON Lines, for the offline verifier: a header line, then every signed
 * checkpoint, then the entries oldest first, each line one object with a {@code type}. CSV, for
 * reading in a spreadsheet: one row per entry, the same fields, times ISO 8601 UTC.
 */
public final class AuditExportFormat {

    public static final String HEADER_TYPE = "capstan-audit-export";
    public static final String CSV_HEADER = "sequence,time,actor_kind,actor_name,actor_roles,action,target_type,target_id,"
            + "target_name,project,environment,outcome,client_address,user_agent,request_id,details,previous_hash,hash";

    private AuditExportFormat() {
    }

    public static String header(Instant exportedAt, AuditQuery query) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", HEADER_TYPE);
        header.put("version", 1);
        header.put("exportedAt", AuditRecord.formatTime(exportedAt));
        header.put("complete", query.isEverything());
        header.put("filters", filters(query));
        return CanonicalJson.write(header);
    }

    /** The filters of an export, as the header and the export's audit entry state them. */
    public static Map<String, Object> filters(AuditQuery query) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("from", query.from() == null ? null : AuditRecord.formatTime(query.from()));
        filters.put("to", query.to() == null ? null : AuditRecord.formatTime(query.to()));
        filters.put("actor", query.actor());
        filters.put("action", query.action());
        filters.put("project", query.project());
        filters.put("environment", query.environment());
        filters.put("outcome", query.outcome());
        filters.put("target", query.target());
        return filters;
    }

    public static String checkpoint(CheckpointRecord checkpoint) {
        return checkpoint(checkpoint, false);
    }

    /**
     * A checkpoint line. {@code witnessOnly}: the server's witness file holds this checkpoint but
     * the database no longer does; the offline verifier reports it as the server does.
     */
    public static String checkpoint(CheckpointRecord checkpoint, boolean witnessOnly) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "checkpoint");
        line.put("sequence", checkpoint.sequence());
        line.put("entryHash", checkpoint.entryHash());
        line.put("signedAt", AuditRecord.formatTime(checkpoint.signedAt()));
        line.put("signature", checkpoint.signature());
        if (witnessOnly) {
            line.put("witnessOnly", true);
        }
        return CanonicalJson.write(line);
    }

    public static String entry(AuditRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "entry");
        line.put("sequence", record.sequence());
        line.put("time", AuditRecord.formatTime(record.time()));
        line.put("actorKind", record.actorKind());
        line.put("actorName", record.actorName());
        line.put("actorRoles", record.actorRoles());
        line.put("action", record.action());
        line.put("targetType", record.targetType());
        line.put("targetId", record.targetId());
        line.put("targetName", record.targetName());
        line.put("project", record.project());
        line.put("environment", record.environment());
        line.put("outcome", record.outcome());
        line.put("clientAddress", record.clientAddress());
        line.put("userAgent", record.userAgent());
        line.put("requestId", record.requestId());
        line.put("details", record.details());
        line.put("previousHash", record.previousHash());
        line.put("hash", record.hash());
        return CanonicalJson.write(line);
    }

    /** The chain head as the server saw it, in its witness file (docs/audit.md, "The witness"). */
    public static String head(long sequence, String hash, Instant seenAt) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "head");
        line.put("sequence", sequence);
        line.put("entryHash", hash);
        line.put("seenAt", AuditRecord.formatTime(seenAt));
        return CanonicalJson.write(line);
    }

    /** One parsed JSON Lines line: the header, a checkpoint, an entry, or a witnessed head. */
    public sealed interface Line permits Header, Checkpoint, Entry, Head {
    }

    public record Head(long sequence, String entryHash, Instant seenAt) implements Line {
    }

    public record Header(boolean complete, String exportedAt) implements Line {
    }

    public record Checkpoint(CheckpointRecord checkpoint, boolean witnessOnly) implements Line {
    }

    public record Entry(AuditRecord entry) implements Line {
    }

    @SuppressWarnings("unchecked")
    public static Line parse(String text) {
        if (!(JsonText.parse(text) instanceof Map<?, ?> parsed)) {
            throw new IllegalArgumentException("a line must be a JSON object");
        }
        Map<String, Object> line = (Map<String, Object>) parsed;
        String type = text(line, "type");
        if (HEADER_TYPE.equals(type)) {
            return new Header(Boolean.TRUE.equals(line.get("complete")), text(line, "exportedAt"));
        }
        if ("checkpoint".equals(type)) {
            return new Checkpoint(new CheckpointRecord(number(line, "sequence"), text(line, "entryHash"),
                    Instant.parse(text(line, "signedAt")), text(line, "signature")), Boolean.TRUE.equals(line.get("witnessOnly")));
        }
        if ("head".equals(type)) {
            return new Head(number(line, "sequence"), text(line, "entryHash"), Instant.parse(text(line, "seenAt")));
        }
        if ("entry".equals(type)) {
            List<String> roles = ((List<Object>) line.getOrDefault("actorRoles", List.of())).stream().map(String::valueOf).toList();
            return new Entry(new AuditRecord(number(line, "sequence"), Instant.parse(text(line, "time")),
                    ActorKind.valueOf(text(line, "actorKind")), text(line, "actorName"), roles, text(line, "action"),
                    text(line, "targetType"), text(line, "targetId"), text(line, "targetName"), text(line, "project"),
                    text(line, "environment"), AuditOutcome.valueOf(text(line, "outcome")), text(line, "clientAddress"),
                    text(line, "userAgent"), text(line, "requestId"), text(line, "details"), text(line, "previousHash"),
                    text(line, "hash")));
        }
        throw new IllegalArgumentException("unknown line type '" + type + "'");
    }

    public static String csvRow(AuditRecord record) {
        return Arrays.asList(String.valueOf(record.sequence()), AuditRecord.formatTime(record.time()), record.actorKind().name(),
                        record.actorName(), String.join(" ", record.actorRoles()), record.action(), record.targetType(),
                        record.targetId(), record.targetName(), record.project(), record.environment(), record.outcome().name(),
                        record.clientAddress(), record.userAgent(), record.requestId(), record.details(), record.previousHash(),
                        record.hash())
                .stream().map(AuditExportFormat::csvCell).collect(Collectors.joining(","));
    }

    /**
     * RFC 4180 quoting; a cell a spreadsheet would run as a formula (= + - @ at the start) gets a
     * leading apostrophe. The JSON Lines export, not the CSV, is what the verifier checks.
     */
    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String text(Map<String, Object> line, String key) {
        Object value = line.get(key);
        return value == null ? null : value.toString();
    }

    private static long number(Map<String, Object> line, String key) {
        if (!(line.get(key) instanceof Long value)) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
        return value;
    }
}
