package dev.capstan.projects.entity;

import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.FieldError;
import dev.capstan.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceInputTest {

    static ServiceInput backend() {
        return new ServiceInput("backend", "application", true, "ghcr.io/korrigo/backend", null, null, 30,
                new ServiceInput.EndpointInput("/api/health/live/", null, List.of("status == \"alive\"")),
                new ServiceInput.EndpointInput("/api/health/ready/", 200,
                        List.of("status == \"ready\"", "database == \"connected\"", "cache == \"connected\"")),
                List.of(new ServiceInput.SmokeCheckInput(null, "/api/health/ready/", null, "ready")));
    }

    @Test
    void aGoodServiceIsCheckedIntoItsDefinitionWithDefaults() {
        ServiceDefinition definition = backend().validate();

        assertEquals("backend", definition.name());
        assertEquals(ServiceKind.APPLICATION, definition.kind());
        assertTrue(definition.essential());
        assertEquals(200, definition.liveness().expectedStatus(), "200 unless said otherwise");
        assertEquals(List.of(new JsonExpectation("status", "ready"), new JsonExpectation("database", "connected"),
                new JsonExpectation("cache", "connected")), definition.readiness().expectations());
        assertEquals("GET", definition.smokeChecks().get(0).method());
    }

    @Test
    void aServiceHasAtMostTwentySmokeChecks() {
        List<ServiceInput.SmokeCheckInput> checks = Collections.nCopies(21, new ServiceInput.SmokeCheckInput("GET", "/", 200, null));
        ServiceInput input = new ServiceInput("api", "application", false, "acme/api", null, null, 10, null, null, checks);

        InvalidInputException refused = assertThrows(InvalidInputException.class, input::validate);

        assertEquals(List.of(new FieldError("smokeChecks", "A service has at most 20 smoke checks; this one has 21.")), refused.errors());
    }

    @Test
    void aNameInCapitalsIsRefusedWithTheNameItWouldBe() {
        BusinessRuleException refused = assertThrows(BusinessRuleException.class, () -> Slug.of("key", "project key", "ACME"));

        assertEquals("A project key is written in lower case: acme, not ACME.", refused.getMessage());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ServiceInput bad = new ServiceInput("Web API", "wrker", false, null, null, "main", 10000,
                new ServiceInput.EndpointInput("health", 999, List.of("status = ready")), null,
                List.of(new ServiceInput.SmokeCheckInput("FETCH", "", 200, null)));

        InvalidInputException refused = assertThrows(InvalidInputException.class, bad::validate);

        List<String> fields = refused.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("name", "kind", "image", "defaultRef", "deployOrder", "liveness.url", "liveness.status",
                "liveness.expectations", "smokeChecks[0].method", "smokeChecks[0].path"), fields);
        assertTrue(refused.errors().get(1).message().contains("'wrker' is not a service kind; choose one of application, worker"),
                refused.errors().get(1).message());
    }

    @Test
    void definitionGoesBackToTheSameInput() {
        ServiceDefinition definition = backend().validate();

        assertEquals(definition, definition.toInput().validate());
    }

    @Test
    void expectationsParseTextNumbersAndBooleansAndPrintCanonically() {
        assertEquals(new JsonExpectation("checks.db", "up \"now\""), JsonExpectation.parse("f", " checks.db==\"up \\\"now\\\"\" "));
        assertEquals(new JsonExpectation("workers", new BigDecimal("4")), JsonExpectation.parse("f", "workers == 4"));
        assertEquals(new JsonExpectation("ok", true), JsonExpectation.parse("f", "ok == true"));
        assertNull(JsonExpectation.parse("f", "error == null").expected());
        assertEquals("checks.db == \"up \\\"now\\\"\"", JsonExpectation.parse("f", "checks.db == \"up \\\"now\\\"\"").toString());
        assertThrows(RuntimeException.class, () -> JsonExpectation.parse("f", "status == ready"),
                "bare words are not JSON: a runbook's typo should not pass silently");
    }

    @Test
    void slugsAreLowerCaseWordsJoinedBySingleHyphens() {
        assertEquals("karton-system", Slug.of("name", "service name", " karton-system "), "trimmed");
        assertFalse(Slug.isSlug("-web"));
        assertFalse(Slug.isSlug("web--api"));
        assertFalse(Slug.isSlug("9lives"));
        assertFalse(Slug.isSlug("a".repeat(64)));
        assertTrue(Slug.isSlug("celery-beat"));
    }
}
