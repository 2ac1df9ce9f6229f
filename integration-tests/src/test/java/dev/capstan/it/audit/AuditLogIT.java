package dev.capstan.it.audit;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.Browser;
import dev.capstan.it.support.FromAddress;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An auditor in Chromium filters the log, pages through it, opens an entry's before/after diff and exports. */
class AuditLogIT extends PortalTest {

    private static final By ROWS = By.cssSelector("#log\\:entries tbody tr[data-ri]");

    @Test
    void anAuditorFiltersPagesAndOpensADiff() throws Exception {
        PortalClient admin = signedIn("log-admin", GlobalRole.ADMIN);
        admin.submit("/admin/users.xhtml", "create",
                Map.of("username", "log-subject", "displayName", "Logged Subject", "roles", "AUDITOR"), "save");
        failedSignIns(55);
        TestDatabase.createUser("log-auditor", "log-auditor-password", GlobalRole.AUDITOR);

        try (Browser browser = new Browser(base)) {
            browser.signIn("log-auditor", "log-auditor-password");
            browser.waitForUrlEnding("/index.xhtml");
            browser.open("/audit/index.xhtml");

            browser.type(By.id("log:action"), "signin.failed");
            browser.type(By.id("log:target"), "ghost-");
            browser.click(By.id("log:search"));
            browser.waitForCount(rowsWith("ghost-"), 50); // a page holds 50 entries
            browser.click(By.id("log:older"));
            browser.waitForText(By.id("log"), "Entries before #");
            browser.waitForCount(ROWS, 5); // the 55 failed sign-ins continue on page 2

            // The address keeps the filters and the page: a reload shows the same 5 entries, and pages back from there.
            browser.visit(URI.create(browser.waitForAddressWith("before=")));
            browser.waitForCount(ROWS, 5);
            assertEquals("ghost-", browser.waitFor(By.id("log:target")).getAttribute("value"), "the filter is back");
            browser.click(By.id("log:newer"));
            browser.waitForText(By.id("log"), "Newest page");
            browser.waitForCount(rowsWith("ghost-"), 50);
            assertFalse(browser.currentUrl().contains("before="), "the newest page has no cursor: " + browser.currentUrl());

            browser.type(By.id("log:action"), "user.");
            browser.type(By.id("log:target"), "log-subject");
            browser.click(By.id("log:search"));
            browser.waitForCount(rowsWith("log-subject"), 1);
            browser.waitForCount(ROWS, 1);
            browser.screenshot("10-audit-log-filtered");

            browser.click(By.cssSelector("#log\\:entries tbody tr button"));
            String diff = browser.waitForTextIn(By.id("detail:changes"), "Logged Subject");
            assertTrue(diff.contains("roles") && diff.contains("[\"AUDITOR\"]"), diff);
            assertTrue(browser.pageText().contains("log-admin"), "the dialog names who did it");
            browser.screenshot("11-audit-entry-diff");

            browser.click(By.cssSelector("#detailDialog .ui-dialog-titlebar-close"));
            browser.click(By.id("log:exportJsonl"));
            List<String> export = Files.readAllLines(browser.waitForDownload());
            assertTrue(export.get(0).contains("\"type\":\"capstan-audit-export\"") && export.get(0).contains("\"target\":\"log-subject\""),
                    "the export states its filters: " + export.get(0));
            List<String> entries = export.stream().filter(line -> line.contains("\"type\":\"entry\"")).toList();
            assertEquals(1, entries.size(), "only the filtered entries: " + entries);
            assertTrue(entries.get(0).contains("\"action\":\"user.created\"") && entries.get(0).contains("\"hash\":"), entries.get(0));
        }
    }


    private static By rowsWith(String text) {
        return By.xpath("//*[@id='log:entries']//tbody/tr[@data-ri and contains(., '" + text + "')]");
    }

    /**
     * Failed sign-ins of unknown users, four at a time: each costs a password hash's work on purpose.
     * Each from its own loopback address, as if from many people: one address would soon be refused.
     */
    private void failedSignIns(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<?> attempt : IntStream.range(0, count).mapToObj(i -> pool.submit(() -> {
                new FromAddress("127.0." + (1 + i / 250) + "." + (1 + i % 250), URI.create(base.toString()))
                        .signIn("ghost-" + i, "whatever-password");
                return null;
            })).toList()) {
                attempt.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
