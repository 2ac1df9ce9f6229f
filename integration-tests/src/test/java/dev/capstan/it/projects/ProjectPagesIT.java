package dev.capstan.it.projects;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.projects.ProjectPage.Service;
import dev.capstan.it.projects.ProjectPage.SmokeCheck;
import dev.capstan.it.support.Browser;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project pages in Chromium: a user sets up a project (services, environments, a member);
 * the member sees it, someone else gets "not found"; an edit over someone else's change is refused.
 */
class ProjectPagesIT extends PortalTest {

    @Test
    void aUserSetsUpAProjectThatItsMemberSeesAndOthersDoNot() throws Exception {
        TestDatabase.createUser("paula-pages", "paula-pages-password", GlobalRole.USER);
        TestDatabase.createUser("vic-viewer", "vic-viewer-password", GlobalRole.USER);
        TestDatabase.createUser("otto-outsider", "otto-outsider-password", GlobalRole.USER);
        TestDatabase.createUser("aud-pages", "aud-pages-password", GlobalRole.AUDITOR);

        try (Browser browser = new Browser(base)) {
            ProjectPage page = new ProjectPage(browser);
            signIn(browser, "paula-pages");
            browser.click(By.linkText("Projects"));
            browser.waitFor(By.id(ProjectPage.LIST));
            page.create("shop", "Shop", "The web shop and its checkout.", "Checkout");
            browser.waitForText(By.cssSelector(".ui-growl"), "Project shop created.");

            // A bad name and text in a number field: both messages at once, each beside its field; the dialog stays open.
            page.fillNewService(Service.of("Data Base!", "database", "postgres:16", 10));
            browser.type(By.id("service:deployOrder"), "ten");
            browser.click(By.id("service:save"));
            String message = page.messageBeside("service:name");
            assertTrue(message.contains("lower-case letters, digits and single hyphens"), message);
            assertEquals("The deploy order is a number from 0 to 9999.", page.messageBeside("service:deployOrder"));
            assertTrue(browser.isShown(By.id("serviceDialog")), "the dialog stays open to correct the name");
            browser.type(By.id("service:name"), "db");
            browser.type(By.id("service:deployOrder"), "10");
            page.save("serviceDialog", "service:save");
            browser.waitForText(By.id(ProjectPage.SERVICES), "db");

            page.addService(new Service("nginx", "proxy", false, "nginx:1.27", 90, "/", null, List.of(), List.of()));
            page.addService(new Service("backend", "application", true, "ghcr.io/acme/shop-backend", 30,
                    "/api/health/live/", "/api/health/ready/", List.of("status == \"ready\"", "checks.database == \"connected\""),
                    List.of(new SmokeCheck("GET", "/api/ping", 200, "pong"))));
            List<String> services = page.rows(ProjectPage.SERVICES);
            assertEquals(3, services.size(), services.toString());
            assertTrue(services.get(0).startsWith("10 db database postgres:16") && services.get(1).startsWith("30 backend essential")
                    && services.get(2).startsWith("90 nginx proxy"), "in deploy order: " + services);
            assertTrue(services.get(1).contains("essential") && services.get(1).contains("/api/health/ready/ → 200, 2 expectations"),
                    services.get(1));
            page.open("shop"); // without the growl that confirmed the last save
            page.tab("Services");
            browser.waitForText(By.id(ProjectPage.SERVICES), "nginx");
            browser.screenshot("21-project-services");

            page.startNewEnvironment("staging", "staging", "https://staging.shop.example.com");
            page.save("environmentDialog", "environment:save");
            browser.waitForText(By.id(ProjectPage.ENVIRONMENTS), "staging");

            page.startNewEnvironment("production", "production", "https://shop.example.com");
            page.target("ssh-host");
            page.setting(0, "shop-1.example.com");
            page.setting(3, "/srv/shop");
            page.addOverride(0, "nginx", "https://shop.example.com/healthz");
            browser.click(By.id("environment:save"));
            String missingUser = page.messageBeside("environment:settings:2:value");
            assertTrue(missingUser.contains("Enter the user setting (User Capstan signs in as)"), "the missing setting is named beside its input: " + missingUser);
            browser.screenshot("22-environment-editor");
            page.setting(2, "deploy");
            page.save("environmentDialog", "environment:save");
            String production = browser.waitForTextIn(By.id(ProjectPage.ENVIRONMENTS), "production");
            assertTrue(production.contains("ssh-host: host=shop-1.example.com, user=deploy, directory=/srv/shop"), production);
            assertTrue(production.contains("nginx readiness https://shop.example.com/healthz"), production);

            page.addMember("vic-viewer", "viewer");
            List<String> members = page.rows(ProjectPage.MEMBERS);
            assertEquals(2, members.size(), members.toString());
            assertTrue(members.get(0).contains("paula-pages") && members.get(0).contains("maintainer"), members.toString());
            assertTrue(members.get(1).contains("vic-viewer") && members.get(1).contains("viewer"), members.toString());
            // The address keeps the open tab: a reload (or the link) shows the members again.
            assertTrue(browser.currentUrl().endsWith("key=shop&tab=members"), browser.currentUrl());
            browser.visit(java.net.URI.create(browser.currentUrl()));
            browser.waitForText(By.cssSelector(".remembered-tabs .ui-tabs-header.ui-state-active"), "Members");
            page.open("shop");
            page.tab("Members");
            browser.waitForText(By.id(ProjectPage.MEMBERS), "vic-viewer");
            browser.screenshot("23-project-members");

            page.openList();
            page.create("billing", "Billing", "Invoices and payment runs.", "Payments");
            page.openList();
            browser.waitForText(By.id(ProjectPage.LIST), "Checkout");
            List<String> projects = page.rows(ProjectPage.LIST);
            assertEquals(List.of("billing Billing Payments 0 0 maintainer", "shop Shop Checkout 3 2 maintainer"), projects,
                    "key, name, team, services, environments, role");
            browser.screenshot("20-projects");
            browser.signOut();

            signIn(browser, "vic-viewer");
            page.openList();
            browser.waitForText(By.id(ProjectPage.LIST), "viewer");
            assertEquals(1, page.rows(ProjectPage.LIST).size(), "only the project vic-viewer is a member of");
            browser.click(By.linkText("shop"));
            browser.waitForUrlEnding("key=shop");
            browser.waitForText(By.id("page:tabs:overview"), "You can read this project");
            assertFalse(browser.isShown(By.id("page:tabs:edit")) || browser.isShown(By.id("page:tabs:archive")),
                    "a viewer is offered no changes");
            page.tab("Services");
            browser.waitForText(By.id(ProjectPage.SERVICES), "nginx");
            assertFalse(browser.isShown(By.id("page:tabs:addService")), "nor new services");
            browser.signOut();

            signIn(browser, "otto-outsider");
            page.openList();
            browser.waitForText(By.id(ProjectPage.LIST), "No project matches.");
            browser.open("/projects/project.xhtml?key=shop");
            browser.waitForText(By.tagName("h1"), "Not found");
            assertFalse(browser.pageText().contains("Shop"), "nothing of the project shows");
            browser.open("/index.xhtml"); // the not-found page has no user menu
            browser.signOut();

            signIn(browser, "aud-pages");
            page.openList();
            browser.type(By.id("projects:search"), "shop"); // auditors see every project of the test database: more than a page
            browser.waitForText(By.id(ProjectPage.LIST), "Checkout");
            assertFalse(browser.isShown(By.id("projects:new")), "auditors read, they do not create");
            page.open("shop");
            page.tab("Members");
            browser.waitForText(By.id(ProjectPage.MEMBERS), "vic-viewer");
            assertFalse(browser.isShown(By.id("page:tabs:addMember")), "an auditor changes nothing");
        }

        PortalClient outsider = new PortalClient(java.net.URI.create(base.toString()));
        outsider.signIn("otto-outsider", "otto-outsider-password");
        assertEquals(404, outsider.get("/projects/project.xhtml?key=shop").statusCode(), "as if it did not exist");
        assertEquals(404, outsider.get("/projects/project.xhtml?key=no-such-project").statusCode());
    }

    @Test
    void savingOverSomeoneElsesChangeIsRefusedAndOverwritesNothing() throws Exception {
        TestDatabase.createUser("carl-concurrent", "carl-concurrent-password", GlobalRole.USER);
        try (Browser browser = new Browser(base)) {
            ProjectPage page = new ProjectPage(browser);
            signIn(browser, "carl-concurrent");
            page.openList();
            page.create("ledger", "Ledger", "Bookkeeping.", "Finance");

            browser.click(By.id("page:tabs:edit"));
            browser.type(By.id("describe:name"), "Ledger (mine)");
            someoneElseRenames("ledger", "Ledger (theirs)");
            browser.click(By.id("describe:save"));

            String message = browser.waitForTextIn(By.id("describe:messages"), "changed by someone else");
            assertTrue(message.contains("Reload to see their change"), message);
            assertTrue(browser.isShown(By.id("describeDialog")), "the dialog stays open");
            assertEquals("Ledger (theirs)", nameOf("ledger"), "their change stands");
        }
    }

    private static void signIn(Browser browser, String username) {
        browser.signIn(username, username + "-password");
        browser.waitForUrlEnding("/index.xhtml");
    }

    /** What another person saving in between looks like to the database: a new name and version. */
    private static void someoneElseRenames(String key, String name) throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE project SET name = ?, version = version + 1 WHERE project_key = ?")) {
            update.setString(1, name);
            update.setString(2, key);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static String nameOf(String key) throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement("SELECT name FROM project WHERE project_key = ?")) {
            query.setString(1, key);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
