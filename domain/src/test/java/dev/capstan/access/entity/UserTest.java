package dev.capstan.access.entity;

import dev.capstan.platform.BusinessRuleException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserTest {

    private static final char[] RIGHT = "right-password-1".toCharArray();
    private static final char[] WRONG = "wrong-password-1".toCharArray();
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final LockoutPolicy POLICY = new LockoutPolicy(5, Duration.ofMinutes(15));

    private static User user(GlobalRole... roles) {
        return User.create("Alice", "Alice A.", EnumSet.copyOf(Set.of(roles)), PasswordHash.of(RIGHT), T0);
    }

    @Test
    void aNewUserMustChangeTheGeneratedPassword() {
        User alice = user(GlobalRole.USER);
        assertEquals("alice", alice.username());
        assertTrue(alice.mustChangePassword());
        assertTrue(alice.enabled());
    }

    @Test
    void refusesUserNamesThatAreNotSlugs() {
        assertThrows(BusinessRuleException.class,
                () -> User.create("al ice", "", Set.of(GlobalRole.USER), PasswordHash.of(RIGHT), T0));
        assertThrows(BusinessRuleException.class,
                () -> User.create("a", "", Set.of(GlobalRole.USER), PasswordHash.of(RIGHT), T0));
    }

    @Test
    void fiveFailuresInARowLockForFifteenMinutes() {
        User alice = user(GlobalRole.USER);
        for (int i = 1; i <= 4; i++) {
            assertEquals(SignInOutcome.FAILED, alice.signIn(WRONG, T0.plusSeconds(i), POLICY));
        }
        assertEquals(SignInOutcome.LOCKED, alice.signIn(WRONG, T0.plusSeconds(5), POLICY));
        assertEquals(SignInOutcome.LOCKED, alice.signIn(RIGHT, T0.plusSeconds(6), POLICY),
                "the right password does not open a locked account");
        assertEquals(SignInOutcome.LOCKED, alice.signIn(RIGHT, T0.plusSeconds(5).plus(Duration.ofMinutes(15)).minusMillis(1), POLICY));
        assertEquals(SignInOutcome.SUCCEEDED, alice.signIn(RIGHT, T0.plusSeconds(5).plus(Duration.ofMinutes(15)), POLICY),
                "the lock runs out after fifteen minutes");
    }

    @Test
    void aSuccessResetsTheCount() {
        User alice = user(GlobalRole.USER);
        for (int i = 0; i < 4; i++) {
            alice.signIn(WRONG, T0, POLICY);
        }
        assertEquals(SignInOutcome.SUCCEEDED, alice.signIn(RIGHT, T0, POLICY));
        for (int i = 0; i < 4; i++) {
            assertEquals(SignInOutcome.FAILED, alice.signIn(WRONG, T0, POLICY));
        }
        assertEquals(0, alice.lockedUntil().stream().count());
    }

    @Test
    void afterALockRunsOutTheCountStartsAgain() {
        User alice = user(GlobalRole.USER);
        for (int i = 0; i < 5; i++) {
            alice.signIn(WRONG, T0, POLICY);
        }
        Instant later = T0.plus(Duration.ofMinutes(16));
        assertEquals(SignInOutcome.FAILED, alice.signIn(WRONG, later, POLICY));
        assertEquals(1, alice.failedSignIns());
    }

    @Test
    void aDisabledUserCannotSignInWithTheRightPassword() {
        User alice = user(GlobalRole.USER);
        alice.disable(1);
        assertEquals(SignInOutcome.DISABLED, alice.signIn(RIGHT, T0, POLICY));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndThePolicy() {
        User alice = user(GlobalRole.USER);
        var wrongCurrent = assertThrows(BusinessRuleException.class,
                () -> alice.changePassword(WRONG, "brand-new-password".toCharArray(), T0));
        assertEquals("currentPassword", wrongCurrent.field().orElseThrow());
        var tooShort = assertThrows(BusinessRuleException.class,
                () -> alice.changePassword(RIGHT, "short".toCharArray(), T0));
        assertEquals("newPassword", tooShort.field().orElseThrow());
        assertThrows(BusinessRuleException.class, () -> alice.changePassword(RIGHT, RIGHT, T0));

        alice.changePassword(RIGHT, "brand-new-password".toCharArray(), T0);
        assertFalse(alice.mustChangePassword());
        assertEquals(SignInOutcome.SUCCEEDED, alice.signIn("brand-new-password".toCharArray(), T0, POLICY));
    }

    @Test
    void aResetLiftsTheLockAndRequiresAChange() {
        User alice = user(GlobalRole.USER);
        alice.changePassword(RIGHT, "brand-new-password".toCharArray(), T0);
        for (int i = 0; i < 5; i++) {
            alice.signIn(WRONG, T0, POLICY);
        }
        alice.resetPassword(PasswordHash.of("generated-one-123".toCharArray()), T0);
        assertTrue(alice.mustChangePassword());
        assertEquals(SignInOutcome.SUCCEEDED, alice.signIn("generated-one-123".toCharArray(), T0, POLICY));
    }

    @Test
    void theLastEnabledAdministratorStays() {
        User admin = user(GlobalRole.ADMIN);
        assertThrows(BusinessRuleException.class, () -> admin.disable(1));
        assertThrows(BusinessRuleException.class, () -> admin.assignRoles(Set.of(GlobalRole.USER), 1));
        assertTrue(admin.enabled());

        admin.assignRoles(Set.of(GlobalRole.AUDITOR), 2);
        assertEquals(Set.of(GlobalRole.AUDITOR), admin.roles());
    }

    @Test
    void aUserNeedsARole() {
        User alice = user(GlobalRole.USER);
        assertThrows(BusinessRuleException.class, () -> alice.assignRoles(Set.of(), 1));
    }
}
