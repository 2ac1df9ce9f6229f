package dev.capstan.it.projects;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.Browser;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The projects list (search, sort, page) and the audit log (filters) keep their view in the address: a reload or a link shows it again. */
class ListAddressIT extends PortalTest {

    @Test
    void aReloadShowsTheSameSearchSortAndPage() throws Exception {
        PortalClient owner = signedIn("address-owner", GlobalRole.USER);
        for (int i = 1; i <= 23; i++) {
            String n = String.format("%02d", i);
            assertEquals(201, owner.call("POST", "/api/v1/projects", "{\"key\": \"address-" + n + "\", \"name\": \"Address " + n + "\"}")
                    .statusCode());
        }
        assertEquals(201, owner.call("POST", "/api/v1/projects", "{\"key\": \"elsewhere\", \"name\": \"Elsewhere\"}").statusCode());

        try (Browser browser = new Browser(base)) {
            browser.signIn("address-owner", "address-owner-password");
            browser.open("/projects/index.xhtml");
            browser.type(By.id("projects:search"), "address");
            browser.waitForAddressWith("q=address");
            browser.click(By.xpath("//th[contains(@class, 'ui-sortable-column') and contains(., 'Name')]"));
            browser.waitForAddressWith("sort=name");
            browser.click(By.xpath("//th[contains(@class, 'ui-sortable-column') and contains(., 'Name')]"));
            browser.waitForAddressWith("order=desc");
            browser.click(By.cssSelector("#projects\\:table_paginator_bottom .ui-paginator-next"));
            browser.waitForAddressWith("page=2");
            String address = browser.currentUrl();

            browser.visit(URI.create(address));
            browser.waitForText(By.cssSelector("#projects\\:table_paginator_bottom .ui-paginator-current"), "21-23 of 23");
            assertEquals("address", browser.waitFor(By.id("projects:search")).getAttribute("value"), "the search is back");
            String rows = browser.waitFor(By.id("projects:table_data")).getText();
            assertTrue(rows.contains("address-03") && rows.contains("address-01") && !rows.contains("address-04"),
                    "page 2 of the names, last first: " + rows);
        }
    }

    @Test
    void theAuditLogKeepsItsFiltersInTheAddress() throws Exception {
        signedIn("address-auditor", GlobalRole.AUDITOR);
        try (Browser browser = new Browser(base)) {
            browser.signIn("address-auditor", "address-auditor-password");
            browser.open("/audit/index.xhtml");
            browser.type(By.id("log:action"), "signin.succeeded");
            browser.type(By.id("log:actor"), "address-auditor");
            browser.click(By.id("log:search"));
            browser.waitForAddressWith("action=signin.succeeded");
            assertTrue(browser.currentUrl().contains("actor=address-auditor"), browser.currentUrl());

            browser.visit(URI.create(browser.currentUrl()));
            assertEquals("signin.succeeded", browser.waitFor(By.id("log:action")).getAttribute("value"), "the filter is back");
            String rows = browser.waitFor(By.id("log:entries_data")).getText();
            assertTrue(rows.contains("signin.succeeded") && rows.contains("address-auditor") && !rows.contains("project.created"),
                    "only the entries the filters name: " + rows);

            // An address edited by hand: what cannot be read is named, and the log shows its newest entries.
            browser.open("/audit/index.xhtml?from=yesterday&before=latest");
            String messages = browser.waitForTextIn(By.cssSelector(".ui-growl"), "cannot be read");
            assertTrue(messages.contains("\"yesterday\"") && messages.contains("2026-11-26T10:40:00Z"), messages);
            assertTrue(messages.contains("page that does not exist"), messages);
            browser.waitForText(By.id("log"), "Newest page");
            assertTrue(browser.waitFor(By.id("log:entries_data")).getText().contains("signin.succeeded"), "the newest entries show");
        }
    }
}
