package dev.capstan.access.entity;

import dev.capstan.platform.BusinessRuleException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void acceptsPasswordsThatAreHardToGuess() {
        for (String strong : List.of("correct-hors", "rotating-admin-2026", "kx7#Qm2!vLp9Wz", "danas-own-password-1")) {
            assertEquals(List.of(), PasswordPolicy.violations("alice", strong.toCharArray()), strong);
        }
    }

    @Test
    void refusesCommonRepetitiveAndGuessablePasswordsSayingWhy() {
        assertEquals(List.of("The password must not be only spaces."), PasswordPolicy.violations("alice", " ".repeat(12).toCharArray()));
        for (String weak : List.of("password1234", "aaaaaaaaaaaa", "Password123!", "qwertyuiop12", "alice-alice-alice")) {
            List<String> violations = PasswordPolicy.violations("alice", weak.toCharArray());
            assertEquals(1, violations.size(), weak);
            assertTrue(violations.get(0).startsWith("This password is too easy to guess"), violations.get(0));
        }
        assertTrue(PasswordPolicy.violations("alice", "password1234".toCharArray()).get(0).contains("This is a very common password."));
        assertTrue(PasswordPolicy.violations("alice", "aaaaaaaaaaaa".toCharArray()).get(0).contains("Avoid"));
    }

    @Test
    void leavesThePasswordItChecksAsItWas() {
        char[] password = "rotating-admin-2026".toCharArray();
        PasswordPolicy.violations("alice", password);
        assertEquals("rotating-admin-2026", new String(password), "the caller hashes it next");
    }

    @Test
    void refusesElevenCharacters() {
        assertEquals(1, PasswordPolicy.violations("alice", "elevenchars".toCharArray()).size());
    }

    @Test
    void refusesTheUserNameWhateverItsCase() {
        var violations = PasswordPolicy.violations("deployer.bot1", "Deployer.Bot1".toCharArray());
        assertEquals("The password must not be the user name.", violations.get(0));
    }

    @Test
    void refusesAbsurdLengths() {
        char[] huge = new char[PasswordPolicy.MAX_LENGTH + 1];
        java.util.Arrays.fill(huge, 'x');
        assertEquals("The password must have at most 1024 characters.", PasswordPolicy.violations("alice", huge).get(0));
    }

    @Test
    void namesTheFieldTheMessageBelongsTo() {
        var e = assertThrows(BusinessRuleException.class,
                () -> PasswordPolicy.requireAcceptable("newPassword", "alice", "short".toCharArray()));
        assertEquals("newPassword", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("12"));
    }

    @Test
    void generatedPasswordsSatisfyThePolicyAndDiffer() {
        char[] first = PasswordGenerator.generate();
        char[] second = PasswordGenerator.generate();
        assertTrue(PasswordPolicy.violations("admin", first).isEmpty());
        assertTrue(!new String(first).equals(new String(second)));
    }
}
