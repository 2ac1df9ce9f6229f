package dev.capstan.it.platform;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.Browser;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page shell in Chromium: navigation by role, the dark theme, the not-found page. */
class ShellIT extends PortalTest {

    @Test
    void anAuditorIsShownTheAuditSectionButNotAdministration() throws Exception {
        try (Browser browser = signedInAs("ada-auditor", GlobalRole.AUDITOR)) {
            String navigation = browser.waitFor(By.cssSelector("nav")).getText();
            assertTrue(navigation.contains("Audit"), navigation);
            assertFalse(navigation.contains("Admin"), navigation);
            browser.screenshot("07-auditor-dashboard");

            browser.click(By.linkText("Audit"));
            browser.click(By.id("verification:verify"));
            browser.waitForText(By.id("last-verification"), "entries checked");
            browser.screenshot("09-audit-verification");
        }
    }

    @Test
    void theDarkThemeStaysChosenFromPageToPage() throws Exception {
        try (Browser browser = signedInAs("dora-dark", GlobalRole.USER)) {
            assertEquals("primefaces-saga-blue", browser.theme(), "light by default");

            browser.toggleTheme();
            browser.waitForTheme("primefaces-arya-blue");
            browser.open("/account/password.xhtml");
            assertEquals("primefaces-arya-blue", browser.theme(), "the choice is kept on the next page");
            browser.open("/index.xhtml");
            browser.screenshot("08-dark-theme");
        }
    }

    @Test
    void anUnknownPageAnswersWithOurNotFoundPage() throws Exception {
        try (Browser browser = signedInAs("nora-notfound", GlobalRole.USER)) {
            browser.open("/no-such-page.xhtml");
            String text = browser.pageText();
            assertTrue(text.contains("Not found"), text);
            assertFalse(text.contains("Exception"), text);
        }
    }

    /** A new user with one role, signed in on the dashboard. */
    private Browser signedInAs(String username, GlobalRole role) throws IOException {
        TestDatabase.createUser(username, username + "-password", role);
        Browser browser = new Browser(base);
        browser.signIn(username, username + "-password");
        browser.waitForUrlEnding("/index.xhtml");
        return browser;
    }
}
