package dev.capstan.access.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashTest {

    @Test
    void matchesOnlyTheHashedPassword() {
        PasswordHash hash = PasswordHash.of("s3cret-enough-pw".toCharArray());
        assertTrue(hash.matches("s3cret-enough-pw".toCharArray()));
        assertFalse(hash.matches("s3cret-enough-pX".toCharArray()));
    }

    @Test
    void storesSchemeIterationsAndAPerHashSalt() {
        PasswordHash first = PasswordHash.of("same-password-1".toCharArray());
        PasswordHash second = PasswordHash.of("same-password-1".toCharArray());
        assertTrue(first.encoded().startsWith("pbkdf2-sha256$600000$"));
        assertNotEquals(first.encoded(), second.encoded(), "each hash has its own salt");
    }

    @Test
    void survivesTheRoundTripThroughItsStoredForm() {
        PasswordHash stored = PasswordHash.fromEncoded(PasswordHash.of("round-trip-pass".toCharArray()).encoded());
        assertTrue(stored.matches("round-trip-pass".toCharArray()));
    }

    @Test
    void neverPrintsTheHash() {
        PasswordHash hash = PasswordHash.of("print-me-not-pw".toCharArray());
        assertFalse(hash.toString().contains(hash.encoded().substring(25)));
    }
}
