package dev.capstan.access.entity;

import dev.capstan.platform.FieldError;
import dev.capstan.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-26T21:00:00Z");
    private static final User OWNER = User.create("jane", "Jane", Set.of(GlobalRole.USER),
            PasswordHash.fromEncoded(PasswordHash.of("irrelevant-password".toCharArray()).encoded()), NOW);

    @Test
    void aTokenIsRandomKeptOnlyAsItsHashAndWorksUntilItExpiresOrIsRevoked() {
        ApiToken.Issued first = ApiToken.issue(OWNER, " CI deploys ", Duration.ofDays(30), null, false, NOW);
        ApiToken.Issued second = ApiToken.issue(OWNER, "CI deploys", Duration.ofDays(30), null, false, NOW);

        assertTrue(ApiToken.looksLikeToken(first.secret()), first.secret());
        assertNotEquals(first.secret(), second.secret());
        assertEquals("CI deploys", first.token().name());
        assertEquals(first.secret().substring(0, 12), first.token().tokenStart());
        assertEquals(64, ApiToken.hash(first.secret()).length());
        assertTrue(first.token().usableAt(NOW.plus(Duration.ofDays(30)).minusSeconds(1)));
        assertFalse(first.token().usableAt(NOW.plus(Duration.ofDays(30))), "expired");

        first.token().revoke(NOW.plusSeconds(5));
        assertFalse(first.token().usableAt(NOW.plusSeconds(6)), "revoked");
    }

    @Test
    void limitsRefuseChangesToReadOnlyTokensAndOtherProjectsToProjectTokens() {
        TokenLimits limits = ApiToken.issue(OWNER, "Dashboard", Duration.ofDays(1), "korrigo", true, NOW).token().limits();

        assertEquals(Optional.empty(), limits.refusal("GET", "korrigo"));
        assertEquals(Optional.of("The token Dashboard may only read."), limits.refusal("PUT", "korrigo"));
        assertEquals(Optional.of("The token Dashboard reaches project korrigo only."), limits.refusal("GET", "booking"));
        assertEquals(Optional.of("The token Dashboard reaches project korrigo only."), limits.refusal("GET", null));
    }

    @Test
    void aBadRequestForATokenNamesEachField() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> ApiToken.issue(OWNER, " ", Duration.ofDays(400), "Not A Key!", false, NOW));

        assertEquals(List.of("name", "days", "projectKey"), refused.errors().stream().map(FieldError::field).toList());
    }
}
