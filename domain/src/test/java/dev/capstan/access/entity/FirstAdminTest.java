package dev.capstan.access.entity;

import dev.capstan.platform.BusinessRuleException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstAdminTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void anEmptyCapstanGetsAnAdministratorWithAGeneratedPassword() {
        FirstAdmin first = FirstAdmin.plan(0, null).orElseThrow();
        assertTrue(first.generated());
        assertTrue(PasswordPolicy.violations(FirstAdmin.USERNAME, first.password().toCharArray()).isEmpty());

        User admin = first.toUser(NOW);
        assertEquals("admin", admin.username());
        assertEquals(Set.of(GlobalRole.ADMIN), admin.roles());
        assertTrue(admin.mustChangePassword(), "the first password must be changed at first sign-in");
        assertEquals(SignInOutcome.SUCCEEDED, admin.signIn(first.password().toCharArray(), NOW, LockoutPolicy.STANDARD));
    }

    @Test
    void aRestartCreatesNoneAndShowsNoNewPassword() {
        assertTrue(FirstAdmin.plan(1, null).isEmpty());
        assertTrue(FirstAdmin.plan(3, "configured-password").isEmpty());
    }

    @Test
    void anOperatorMayChooseThePassword() {
        FirstAdmin first = FirstAdmin.plan(0, "chosen-by-operator").orElseThrow();
        assertFalse(first.generated());
        assertEquals("chosen-by-operator", first.password());
        assertTrue(first.toUser(NOW).mustChangePassword());
    }

    @Test
    void aWeakConfiguredPasswordIsRefusedNamingTheVariable() {
        var e = assertThrows(BusinessRuleException.class, () -> FirstAdmin.plan(0, "short"));
        assertTrue(e.getMessage().startsWith("CAPSTAN_FIRST_ADMIN_PASSWORD"));
    }
}
