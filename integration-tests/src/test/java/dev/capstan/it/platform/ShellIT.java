package dev.capstan.it.platform;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.Browser;
import dev.capstan.it.support.Deployments;
import dev.capstan.it.support.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page shell in Chromium: navigation by role, the dark theme, the not-found page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShellIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive capstan() {
        return Deployments.capstan();
    }

    @Test
    void anAuditorIsShownTheAuditSectionButNotAdministration() throws Exception {
        TestDatabase.createUser("ada-auditor", "ada-auditor-password", GlobalRole.AUDITOR);
        try (Browser browser = new Browser(base)) {
            browser.signIn("ada-auditor", "ada-auditor-password");
            browser.waitForUrlEnding("/index.xhtml");
            String navigation = browser.waitFor(By.cssSelector("nav")).getText();
            assertTrue(navigation.contains("Audit"), navigation);
            assertFalse(navigation.contains("Admin"), navigation);
            browser.screenshot("07-auditor-dashboard");
        }
    }

    @Test
    void theDarkThemeStaysChosenFromPageToPage() throws Exception {
        TestDatabase.createUser("dora-dark", "dora-dark-password", GlobalRole.USER);
        try (Browser browser = new Browser(base)) {
            browser.signIn("dora-dark", "dora-dark-password");
            browser.waitForUrlEnding("/index.xhtml");
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
        TestDatabase.createUser("nora-notfound", "nora-notfound-password", GlobalRole.USER);
        try (Browser browser = new Browser(base)) {
            browser.signIn("nora-notfound", "nora-notfound-password");
            browser.waitForUrlEnding("/index.xhtml");
            browser.open("/no-such-page.xhtml");
            String text = browser.pageText();
            assertTrue(text.contains("Not found"), text);
            assertFalse(text.contains("Exception"), text);
        }
    }
}
