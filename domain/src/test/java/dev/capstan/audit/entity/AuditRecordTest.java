package dev.capstan.audit.entity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditRecordTest {

    static final SecretDigest DIGEST = new SecretDigest("k".repeat(32).getBytes(StandardCharsets.US_ASCII));

    static AuditRecord userCreated(long sequence, String previousHash) {
        AuditEvent event = AuditEvent.of("user.created").on("user", 7, "dana")
                .with(AuditDetails.none().changed("roles", List.of(), List.of("USER")));
        return AuditRecord.next(sequence, previousHash, Instant.parse("2026-11-22T09:45:12.1234567Z"),
                Actor.user("admin", List.of("ADMIN")), event, AuditOutcome.SUCCEEDED,
                new RequestOrigin("127.0.0.1", "curl/8", "req-1"), event.details().toJson(DIGEST));
    }

    @Test
    void theCanonicalFormIsTheDocumentedJsonArray() {
        AuditRecord record = userCreated(1, AuditRecord.GENESIS);
        assertEquals("[1,\"2026-11-22T09:45:12.123456Z\",\"USER\",\"admin\",[\"ADMIN\"],\"user.created\",\"user\",\"7\",\"dana\","
                + "null,null,\"SUCCEEDED\",\"127.0.0.1\",\"curl/8\",\"req-1\","
                + "\"{\\\"changes\\\":{\\\"roles\\\":{\\\"after\\\":[\\\"USER\\\"],\\\"before\\\":[]}}}\",\"" + AuditRecord.GENESIS + "\"]",
                record.canonicalForm());
    }

    @Test
    void theHashIsSha256OfTheCanonicalForm() throws Exception {
        AuditRecord record = userCreated(1, AuditRecord.GENESIS);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(record.canonicalForm().getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, record.hash());
        assertTrue(record.isSelfConsistent());
    }

    @Test
    void timeIsKeptToTheMicrosecond() {
        assertEquals(Instant.parse("2026-11-22T09:45:12.123456Z"), userCreated(1, AuditRecord.GENESIS).time());
    }

    @Test
    void timesAreWrittenAsTheDocumentedPatternSaysForEveryInstant() {
        DateTimeFormatter documented = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T23:59:59.000001Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-01T12:00:00Z")));
        Random random = new Random(9);
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L), random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertEquals(documented.format(instant), AuditRecord.formatTime(instant), instant.toString());
        }
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        AuditRecord record = userCreated(3, AuditRecord.GENESIS);
        assertFalse(record.withSequence(4).isSelfConsistent());
        assertFalse(ChainVerifierTest.edited(record, "mallory").isSelfConsistent());
        assertNotEquals(record.hash(), userCreated(3, "f".repeat(64)).hash(), "the previous hash is part of the entry");
    }

    @Test
    void theActorsRolesAreRecordedInOneOrder() {
        assertEquals(List.of("ADMIN", "AUDITOR"), Actor.user("a", List.of("AUDITOR", "ADMIN")).roles());
    }
}
