package dev.capstan.it.platform;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.Browser;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** At 800 px wide the header and tables stay readable: no page is wider than the window. */
class SmallScreenIT extends PortalTest {

    @Test
    void atEightHundredPixelsNoPageIsWiderThanTheWindowAndTheMenuIsInView() throws Exception {
        TestDatabase.createUser("narrow-admin", "narrow-admin-password", GlobalRole.ADMIN);
        try (Browser browser = new Browser(base)) {
            browser.resize(800, 900);
            browser.signIn("narrow-admin", "narrow-admin-password");
            for (String page : List.of("/index.xhtml", "/projects/index.xhtml", "/audit/index.xhtml", "/admin/users.xhtml",
                    "/account/tokens.xhtml")) {
                browser.open(page);
                browser.waitFor(By.id("usermenu"));
                long window = ((Number) browser.evaluate("document.documentElement.clientWidth")).longValue();
                long content = ((Number) browser.evaluate("document.documentElement.scrollWidth")).longValue();
                assertTrue(content <= window, page + " is " + content + " px wide in a window of " + window);
                long menuRight = ((Number) browser.evaluate("document.getElementById('usermenu').getBoundingClientRect().right")).longValue();
                assertTrue(menuRight <= window, page + ": the user menu ends at " + menuRight + " px");
            }
            browser.open("/index.xhtml");
            browser.screenshot("10-dashboard-800px");
        }
    }

    @Test
    void aFieldThatCannotChangeLooksLikeText() throws Exception {
        TestDatabase.createUser("readonly-user", "readonly-user-password", GlobalRole.USER);
        try (Browser browser = new Browser(base)) {
            browser.signIn("readonly-user", "readonly-user-password");
            browser.open("/account/tokens.xhtml");
            browser.waitFor(By.id("tokens:name"));
            browser.evaluate("document.getElementById('tokens:name').setAttribute('readonly', 'readonly') || true");
            assertEquals("rgba(0, 0, 0, 0)", browser.evaluate("getComputedStyle(document.getElementById('tokens:name')).borderTopColor"),
                    "no border around a read-only field");
            browser.evaluate("document.getElementById('tokens:name').removeAttribute('readonly') || true");
            Thread.sleep(500); // the theme fades the border in
            assertEquals("rgb(206, 212, 218)", browser.evaluate("getComputedStyle(document.getElementById('tokens:name')).borderTopColor"),
                    "an editable one has its box");
        }
    }
}
