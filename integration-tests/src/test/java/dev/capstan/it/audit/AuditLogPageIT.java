package dev.capstan.it.audit;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.Browser;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log's table and its time filters, in Chromium, for an auditor whose browser is in
 * Newfoundland (UTC-03:30, so that a time read or typed in UTC, or off by whole hours, shows):
 * times to the second in the table and to the microsecond in the entry, From/Until typed with a
 * time and kept, a time that cannot be read and a reversed range each named beside its field,
 * the Project column, and long texts kept to one line.
 */
class AuditLogPageIT extends PortalTest {

    private static final String ZONE = "America/St_Johns";
    private static final By ROWS = By.cssSelector("#log\\:entries tbody tr[data-ri]");
    private static final By SEQUENCES = By.cssSelector("#log\\:entries tbody td.audit-sequence");
    private static final By FROM = By.id("log:from_input");
    private static final By UNTIL = By.id("log:to_input");
    private static final By ACTIONS = By.cssSelector("#log\\:entries tbody td.audit-action .cut");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Typed with spaces, so that a cell could wrap it over many lines. */
    private static final String LONG_NAME = "somebody who typed a whole sentence into the user name field of the sign-in page"
            + " instead of their user name, and then some more words";

    @Test
    void anAuditorNarrowsTheLogToTheMinuteInTheirZoneAndReadsEachRowOnOneLine() throws Exception {
        TestDatabase.createUser("zone-auditor", "zone-auditor-password", GlobalRole.AUDITOR);
        PortalClient owner = signedIn("treasurer", GlobalRole.USER);
        failedSignIn("early-bird");
        Thread.sleep(untilNextMinute()); // the later entries fall in another minute than early-bird's
        assertEquals(201, owner.call("POST", "/api/v1/projects", """
                {"key": "treasury", "name": "Treasury", "description": "Cash and payments", "owningTeam": "Finance"}""").statusCode());
        failedSignIn("late-comer");
        failedSignIn(LONG_NAME);

        try (Browser browser = new Browser(base, ZONE)) {
            browser.signIn("zone-auditor", "zone-auditor-password");
            browser.waitForUrlEnding("/index.xhtml");
            browser.open("/audit/index.xhtml");

            // Times to the second, in the browser's zone.
            String early = timeOf(browser, "early-bird");
            String late = timeOf(browser, "late-comer");
            LocalDateTime lateShown = LocalDateTime.parse(late.substring(0, 19), SHOWN);
            Duration offNow = Duration.between(lateShown, LocalDateTime.now(ZoneId.of(ZONE))).abs();
            assertTrue(offNow.toMinutes() < 5, "shown in " + ZONE + ": " + late);
            String earlyMinute = early.substring(0, 16);
            String lateMinute = late.substring(0, 16);

            // Since the late minute: late-comer, and not early-bird; the typed time stays as typed.
            typeTime(browser, FROM, lateMinute);
            browser.click(By.id("log:search"));
            browser.waitForCount(rowsWith("early-bird"), 0);
            browser.waitForCount(rowsWith("late-comer"), 1);
            assertEquals(lateMinute, browser.waitFor(FROM).getAttribute("value"), "From keeps its time after filtering");

            // From the early minute until the late one (not included): early-bird only.
            typeTime(browser, FROM, earlyMinute);
            typeTime(browser, UNTIL, lateMinute);
            browser.click(By.id("log:search"));
            browser.waitForCount(rowsWith("late-comer"), 0);
            browser.waitForCount(rowsWith("early-bird"), 1);
            assertEquals(earlyMinute, browser.waitFor(FROM).getAttribute("value"));
            assertEquals(lateMinute, browser.waitFor(UNTIL).getAttribute("value"), "Until keeps its time after filtering");
            List<String> range = browser.texts(ROWS);

            // The address keeps the range as UTC instants: a colleague in Tokyo opening the link sees the same entries, in their zone.
            String address = browser.waitForAddressWith("until=");
            ZonedDateTime earlyStart = LocalDateTime.parse(earlyMinute + ":00", SHOWN).atZone(ZoneId.of(ZONE));
            assertTrue(address.contains("from=" + URLEncoder.encode(earlyStart.toInstant().toString(), StandardCharsets.UTF_8)),
                    "From in UTC: " + address);
            try (Browser colleague = new Browser(base, "Asia/Tokyo")) {
                colleague.signIn("zone-auditor", "zone-auditor-password");
                colleague.waitForUrlEnding("/index.xhtml");
                colleague.visit(URI.create(address));
                colleague.waitForCount(rowsWith("early-bird"), 1);
                assertEquals(browser.texts(SEQUENCES), colleague.texts(SEQUENCES), "the same entries");
                assertEquals(earlyStart.withZoneSameInstant(ZoneId.of("Asia/Tokyo")).toLocalDateTime().toString().replace('T', ' '),
                        colleague.waitFor(FROM).getAttribute("value"), "From in the colleague's zone");
            }

            // A time that cannot be read: said under From, by that name, and nothing is searched.
            typeTime(browser, FROM, "yesterday");
            browser.click(By.id("log:search"));
            String unreadable = browser.waitForTextIn(By.id("log:fromMessage"), "From");
            assertTrue(unreadable.contains("2026-11-26 11:40"), "says how to type a time: " + unreadable);
            assertFalse(browser.pageText().contains("log:from"), "no internal id on the page");
            assertEquals("yesterday", browser.waitFor(FROM).getAttribute("value"), "the time stays as typed, to be corrected");
            browser.screenshot("14-audit-log-unreadable-time");
            assertEquals(range, browser.texts(ROWS), "the entries stay those of the last filter");

            // Until before From: said under Until, and nothing is searched.
            typeTime(browser, FROM, lateMinute);
            typeTime(browser, UNTIL, earlyMinute);
            browser.click(By.id("log:search"));
            browser.waitForText(By.id("log:toMessage"), "Until must be later than From.");
            browser.screenshot("13-audit-log-reversed-range");
            assertEquals(range, browser.texts(ROWS), "the entries stay those of the last filter");

            // The Project column; every action readable in full, or cut with an ellipsis and whole in its tooltip.
            clear(browser, FROM);
            clear(browser, UNTIL);
            browser.type(By.id("log:project"), "treasury");
            browser.click(By.id("log:search"));
            browser.waitForCount(rowsWith("project.created"), 1);
            assertTrue(browser.texts(By.cssSelector("#log\\:entries thead th")).contains("Project"));
            List<String> projects = browser.texts(By.cssSelector("#log\\:entries tbody td.audit-project"));
            assertFalse(projects.isEmpty());
            assertTrue(projects.stream().allMatch("treasury"::equals), projects.toString());
            browser.type(By.id("log:project"), "");
            browser.click(By.id("log:search"));
            browser.waitForCount(rowsWith("late-comer"), 1);
            for (WebElement action : browser.elements(ACTIONS)) {
                assertTrue(fits(action) || "ellipsis".equals(action.getCssValue("text-overflow"))
                        && action.getText().equals(action.getAttribute("title")), "action " + action.getText());
            }
            WebElement succeeded = browser.waitFor(By.xpath("//*[@id='log:entries']//tbody/tr[contains(., 'zone-auditor')]"
                    + "/td[contains(@class, 'audit-action')]/span[. = 'signin.succeeded']"));
            assertTrue(fits(succeeded), "signin.succeeded is shown whole");

            // A long target: one line, cut with an ellipsis, whole in the tooltip; its row as tall as the others.
            WebElement longTarget = browser.waitFor(By.xpath("//*[@id='log:entries']//td/span[contains(., 'whole sentence')]"));
            assertEquals("user " + LONG_NAME, longTarget.getAttribute("title"));
            assertFalse(fits(longTarget), "the long target is cut");
            assertEquals("ellipsis", longTarget.getCssValue("text-overflow"));
            assertEquals(rowWith(browser, "late-comer").getSize().getHeight(), rowWith(browser, "whole sentence").getSize().getHeight(),
                    "the long target's row is one line high");

            // The entry: the whole instant, to the microsecond, with the offset and the zone.
            browser.click(By.xpath("//*[@id='log:entries']//tbody/tr[contains(., 'late-comer')]//button"));
            String instant = browser.waitForTextIn(By.id("detail-time"), ZONE);
            String offset = ZoneId.of(ZONE).getRules().getOffset(Instant.now()).getId();
            assertTrue(instant.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}" + Pattern.quote(offset + " (" + ZONE + ")")),
                    "ISO 8601 to the microsecond, with offset and zone: " + instant);
            assertEquals(late.substring(0, 19).replace(' ', 'T'), instant.substring(0, 19), "the same time as in the table");
            browser.click(By.cssSelector("#detailDialog .ui-dialog-titlebar-close"));
            browser.waitForHidden(By.id("detailDialog"));

            // For the auditor's guide: a time range with its times, every column.
            typeTime(browser, FROM, earlyMinute);
            typeTime(browser, UNTIL, LocalDateTime.parse(lateMinute + ":00", SHOWN).plusMinutes(2).format(SHOWN).substring(0, 16));
            browser.click(By.id("log:search"));
            browser.waitFor(By.cssSelector("[id='log:search']:not([disabled])")); // the same rows as before: wait for the answer
            browser.waitForCount(rowsWith("early-bird"), 1);
            browser.waitForCount(rowsWith("late-comer"), 1);
            browser.screenshot("12-audit-log-time-range");
        }
    }

    /** Types into a date picker (its calendar opens from its button only) and checks the field shows it. */
    private static void typeTime(Browser browser, By field, String text) {
        browser.type(field, text);
        assertEquals(text, browser.waitFor(field).getAttribute("value"), "typed into " + field);
    }

    private static void clear(Browser browser, By field) {
        typeTime(browser, field, "");
    }

    /** The time shown in the one row that mentions {@code text}, e.g. {@code 2026-11-26 09:25:03 NST}. */
    private static String timeOf(Browser browser, String text) {
        browser.waitForCount(rowsWith(text), 1);
        String time = browser.elements(By.xpath("//*[@id='log:entries']//tbody/tr[contains(., '" + text + "')]"
                + "/td[contains(@class, 'audit-time')]")).get(0).getText();
        assertTrue(time.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .+"), "to the second: " + time);
        return time;
    }

    private static WebElement rowWith(Browser browser, String text) {
        return browser.waitFor(rowsWith(text));
    }

    private static By rowsWith(String text) {
        return By.xpath("//*[@id='log:entries']//tbody/tr[@data-ri and contains(., '" + text + "')]");
    }

    /** Whether the element shows all its text, nothing cut off at its right edge. */
    private static boolean fits(WebElement element) {
        return Integer.parseInt(element.getDomProperty("scrollWidth")) <= Integer.parseInt(element.getDomProperty("clientWidth"));
    }

    private static long untilNextMinute() {
        return 60_000 - System.currentTimeMillis() % 60_000 + 1_000;
    }

    private void failedSignIn(String typedName) throws Exception {
        new PortalClient(URI.create(base.toString())).signIn(typedName, "whatever-password");
    }
}
