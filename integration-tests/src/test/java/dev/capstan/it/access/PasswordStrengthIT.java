package dev.capstan.it.access;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.Browser;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person choosing a password in Chromium: guessable ones are refused with the reason, a strong one is taken. */
class PasswordStrengthIT extends PortalTest {

    @Test
    void guessablePasswordsAreRefusedWithTheReasonAndAStrongOneIsTaken() throws Exception {
        TestDatabase.createUser("strength-user", "strength-user-password", GlobalRole.USER);
        try (Browser browser = new Browser(base)) {
            browser.signIn("strength-user", "strength-user-password");
            browser.waitForUrlEnding("/index.xhtml");
            browser.open("/account/password.xhtml");

            // each answer's words differ from the one before, so each wait is for the answer to this attempt
            String[][] refused = {{"password1234", "This is a very common password."}, {"aaaaaaaaaaaa", "Avoid sequences."},
                    {"Password123!", "similar to a commonly used password"}, {" ".repeat(12), "must not be only spaces"}};
            for (String[] attempt : refused) {
                browser.type(By.id("password:currentPassword"), "strength-user-password");
                browser.type(By.id("password:newPassword"), attempt[0]);
                browser.type(By.id("password:confirmation"), attempt[0]);
                browser.click(By.id("password:change"));
                String message = browser.waitForTextIn(By.id("password:newPasswordMessage"), attempt[1]);
                assertTrue(message.contains(attempt[1]), message);
            }
            browser.screenshot("password-too-easy");

            browser.changePassword("strength-user-password", "copper-lantern-meadow-42");
            browser.signOut();
            browser.signIn("strength-user", "copper-lantern-meadow-42");
            browser.waitForUrlEnding("/index.xhtml");
        }
    }
}
