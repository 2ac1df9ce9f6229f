package dev.capstan.it.access;

import dev.capstan.it.support.Browser;
import dev.capstan.it.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first minutes of a new install, in headless Chromium: the first administrator signs in
 * with the configured first password, must choose their own, creates a user and signs out; the
 * new user signs in with the password shown once.
 */
class FirstAdminJourneyIT extends PortalTest {

    @Test
    void firstAdministratorSetsUpTheFirstUser() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.open("/");
            browser.waitForUrlEnding("/signin.xhtml");
            browser.screenshot("01-sign-in");

            browser.signIn("admin", System.getProperty("capstan.test.admin.password"));
            browser.waitForUrlEnding("/account/password.xhtml");
            assertTrue(browser.pageText().contains("Your password was generated for you"));
            browser.screenshot("02-first-password-must-change");

            browser.open("/admin/users.xhtml");
            browser.waitForUrlEnding("/account/password.xhtml");
            browser.changePassword(System.getProperty("capstan.test.admin.password"), "admins-own-password-2026");
            assertTrue(browser.pageText().contains("Welcome, admin"));
            browser.screenshot("03-dashboard");

            browser.open("/admin/users.xhtml");
            browser.click(By.id("users:new"));
            browser.type(By.id("create:username"), "dana");
            browser.type(By.id("create:displayName"), "Dana Deployer");
            browser.click(By.id("create:save"));
            String issued = browser.waitFor(By.id("issued-password")).getText();
            assertTrue(issued.length() == 20, "a 20-character password is shown once");
            browser.screenshot("04-password-shown-once");
            browser.click(By.id("issued:done"));
            // Other tests of the run create users too; the filter finds dana whatever page she would be on.
            browser.type(By.id("users:filterText"), "dana");
            browser.waitForText(By.id("users:table"), "Dana Deployer");
            browser.screenshot("05-users");

            browser.signOut();
            assertTrue(browser.pageText().contains("You have signed out."));

            browser.signIn("dana", issued);
            browser.waitForUrlEnding("/account/password.xhtml");
            browser.changePassword(issued, "danas-own-password-1");
            assertTrue(browser.pageText().contains("Welcome, dana"));
            String navigation = browser.waitFor(By.cssSelector("nav")).getText();
            assertFalse(navigation.contains("Admin") || navigation.contains("Audit"), "a USER is shown neither Admin nor Audit: " + navigation);
            browser.screenshot("06-user-dashboard");
        }
    }
}
