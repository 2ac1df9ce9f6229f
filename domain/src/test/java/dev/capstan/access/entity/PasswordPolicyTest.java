package dev.capstan.access.entity;

import dev.capstan.platform.BusinessRuleException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void acceptsTwelveCharactersThatAreNotTheUserName() {
        assertTrue(PasswordPolicy.violations("alice", "correct-hors".toCharArray()).isEmpty());
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
        assertEquals(1, PasswordPolicy.violations("alice", huge).size());
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
