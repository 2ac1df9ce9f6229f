package dev.capstan.audit.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One audit entry as the chain sees it: every field that is hashed, the previous entry's hash,
 * and its own. The same record is read from the database, from an export, or built for a new
 * entry, so the server and the offline verifier hash alike.
 *
 * <p>hash = lowercase hex SHA-256 of the UTF-8 bytes of {@link #canonicalForm()}, a JSON array of
 * the fields in the order declared here, ending with the previous hash.
 */
public record AuditRecord(long sequence, Instant time, ActorKind actorKind, String actorName, List<String> actorRoles,
                          String action, String targetType, String targetId, String targetName,
                          String project, String environment, AuditOutcome outcome,
                          String clientAddress, String userAgent, String requestId,
                          String details, String previousHash, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The entry that follows {@code previousHash} at {@code sequence}, with its hash computed. */
    public static AuditRecord next(long sequence, String previousHash, Instant time, Actor actor, AuditEvent event,
                                   AuditOutcome outcome, RequestOrigin origin, String detailsJson) {
        AuditRecord unhashed = new AuditRecord(sequence, time.truncatedTo(ChronoUnit.MICROS), actor.kind(), actor.name(),
                actor.roles(), event.action(), event.target().type(), event.target().id(), event.target().name(),
                event.project(), event.environment(), outcome, origin.clientAddress(), origin.userAgent(),
                origin.requestId(), detailsJson, previousHash, null);
        return unhashed.withHash(unhashed.computeHash());
    }

    /** This entry, not linked yet, placed at {@code sequence} after {@code previousHash}, dated {@code at}, with its hash. */
    public AuditRecord linked(long sequence, String previousHash, Instant at) {
        AuditRecord unhashed = new AuditRecord(sequence, at.truncatedTo(ChronoUnit.MICROS), actorKind, actorName, actorRoles,
                action, targetType, targetId, targetName, project, environment, outcome, clientAddress, userAgent, requestId,
                details, previousHash, null);
        return unhashed.withHash(unhashed.computeHash());
    }

    public String canonicalForm() {
        return CanonicalJson.write(Arrays.asList(sequence, formatTime(time), actorKind, actorName, actorRoles,
                action, targetType, targetId, targetName, project, environment, outcome,
                clientAddress, userAgent, requestId, details, previousHash));
    }

    public String computeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalForm().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** True when the stored hash is the hash of the stored fields: nothing was edited in place. */
    public boolean isSelfConsistent() {
        return computeHash().equals(hash);
    }

    public AuditRecord withHash(String newHash) {
        return new AuditRecord(sequence, time, actorKind, actorName, actorRoles, action, targetType, targetId, targetName,
                project, environment, outcome, clientAddress, userAgent, requestId, details, previousHash, newHash);
    }

    public AuditRecord withSequence(long newSequence) {
        return new AuditRecord(newSequence, time, actorKind, actorName, actorRoles, action, targetType, targetId, targetName,
                project, environment, outcome, clientAddress, userAgent, requestId, details, previousHash, hash);
    }

    /** ISO 8601 in UTC with exactly six fractional digits, e.g. 2026-11-22T09:45:12.123456Z. */
    public static String formatTime(Instant time) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return MICROS.format(time);
        }
        // by hand: every entry is hashed with its time, and the formatter took a quarter of the hashing
        char[] text = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(text, 0, 4, utc.getYear());
        digits(text, 5, 2, utc.getMonthValue());
        digits(text, 8, 2, utc.getDayOfMonth());
        digits(text, 11, 2, utc.getHour());
        digits(text, 14, 2, utc.getMinute());
        digits(text, 17, 2, utc.getSecond());
        digits(text, 20, 6, utc.getNano() / 1000);
        return new String(text);
    }

    private static void digits(char[] text, int from, int count, int value) {
        for (int at = from + count - 1; at >= from; at--) {
            text[at] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
