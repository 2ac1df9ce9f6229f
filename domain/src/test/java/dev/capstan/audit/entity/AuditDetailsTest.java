package dev.capstan.audit.entity;

import org.junit.jupiter.api.Test;

import java.util.List;
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
