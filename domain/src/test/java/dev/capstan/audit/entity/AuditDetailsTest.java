package dev.capstan.audit.entity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditDetailsTest {

    @Test
    void changedFieldsAreRecordedAsBeforeAndAfterAndUnchangedOnesAreLeftOut() {
        AuditDetails details = AuditDetails.none()
                .changed("roles", Set.of("USER"), Set.of("USER", "ADMIN"))
                .changed("enabled", true, true);
        assertTrue(details.hasChanges());
        assertEquals("{\"changes\":{\"roles\":{\"after\":[\"ADMIN\",\"USER\"],\"before\":[\"USER\"]}}}",
                details.toJson(AuditRecordTest.DIGEST));
    }

    @Test
    void aListInAnotherOrderIsAChangeAndShowsBothOrders() {
        AuditDetails reordered = AuditDetails.none().changes(Map.of("smokeChecks", List.of("GET /a -> 200", "GET /b -> 200")),
                Map.of("smokeChecks", List.of("GET /b -> 200", "GET /a -> 200")));

        assertTrue(reordered.hasChanges(), "smoke checks run in their order: a new order is a change");
        assertEquals("{\"changes\":{\"smokeChecks\":{\"after\":[\"GET /b -> 200\",\"GET /a -> 200\"],"
                + "\"before\":[\"GET /a -> 200\",\"GET /b -> 200\"]}}}", reordered.toJson(AuditRecordTest.DIGEST));
    }

    @Test
    void aSetInAnotherOrderIsNoChange() {
        Set<String> roles = new LinkedHashSet<>(List.of("USER", "ADMIN"));
        Set<String> sameRoles = new LinkedHashSet<>(List.of("ADMIN", "USER"));

        assertFalse(AuditDetails.none().changed("roles", roles, sameRoles).hasChanges());
    }

    @Test
    void nothingAndAnEmptyListAreTheSame() {
        Map<String, Object> added = new LinkedHashMap<>();
        added.put("image", "nginx");
        added.put("smokeChecks", List.of());

        assertEquals(Map.of("image", Arrays.asList(null, "nginx")), AuditDetails.differences(Map.of(), added),
                "an addition lists what it brings, not its empty lists");
        assertEquals(Map.of("smokeChecks", List.of(List.of(), List.of("GET / -> 200"))),
                AuditDetails.differences(Map.of("smokeChecks", List.of()), Map.of("smokeChecks", List.of("GET / -> 200"))));
    }

    @Test
    void aSecretIsStoredOnlyAsItsKeyedDigest() {
        String json = AuditDetails.none().secret("value", "hunter2-database-password".toCharArray()).toJson(AuditRecordTest.DIGEST);
        assertFalse(json.contains("hunter2"));
        String digest = json.replaceAll(".*\"value\":\"([^\"]+)\".*", "$1");
        assertTrue(digest.startsWith(SecretDigest.PREFIX), json);
        assertTrue(AuditRecordTest.DIGEST.matches("hunter2-database-password".toCharArray(), digest),
                "an auditor holding the value can check it matches");
        assertFalse(AuditRecordTest.DIGEST.matches("hunter3-database-password".toCharArray(), digest));
    }

    @Test
    void aDifferentServerKeyGivesADifferentDigest() {
        SecretDigest other = new SecretDigest("z".repeat(32).getBytes());
        assertFalse(other.of("same".toCharArray()).equals(AuditRecordTest.DIGEST.of("same".toCharArray())));
    }

    @Test
    void aSecretCannotSlipInAsAnOrdinaryFact() {
        assertThrows(IllegalArgumentException.class, () -> AuditDetails.none().with("password", "x".toCharArray()));
    }

    @Test
    void actionCodesHaveOneShape() {
        assertEquals("user.created", AuditEvent.of("user.created").action());
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.of("User Created"));
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.of("created"));
        assertEquals(List.of(), Actor.anonymous().roles());
    }
}
