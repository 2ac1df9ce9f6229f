package dev.capstan.it.platform;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.AnotherSite;
import dev.capstan.it.support.Browser;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security headers on every kind of answer, every page working under the Content-Security-
 * Policy in Chromium without a single violation, and a page of another site unable to frame the
 * portal (clickjacking).
 */
class SecurityHeadersIT extends PortalTest {

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeadersAndTheApiIsNeverCached() throws Exception {
        PortalClient admin = signedIn("headers-admin", GlobalRole.ADMIN);
        assertEquals(201, admin.call("POST", "/api/v1/projects", """
                {"key": "headers-shop", "name": "Shop"}""").statusCode());
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("sign-in page", new PortalClient(URI.create(base.toString())).get("/signin.xhtml"));
        answers.put("page", admin.get("/admin/users.xhtml"));
        answers.put("API", admin.call("GET", "/api/v1/projects/headers-shop", null));
        answers.put("API problem", admin.call("GET", "/api/v1/projects/no-such-project", null));
        answers.put("API export", admin.call("GET", "/api/v1/projects/headers-shop/export", null));
        answers.put("static resource", admin.get("/jakarta.faces.resource/capstan.css.xhtml?ln=capstan"));
        answers.put("unknown address", admin.get("/no-such-page"));

        answers.forEach((what, answer) -> {
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), what + ": " + policy);
            assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(""), what);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), what);
            assertEquals("same-origin", answer.headers().firstValue("Referrer-Policy").orElse(""), what);
        });
        for (String api : List.of("API", "API problem", "API export")) {
            assertEquals("no-store", answers.get(api).headers().firstValue("Cache-Control").orElse(""), api);
        }
    }

    /** An error page keeps the top bar and the user menu for a signed-in person, so they can go on from it. */
    @Test
    void errorPagesKeepTheNavigation() throws Exception {
        PortalClient user = signedIn("error-page-user", GlobalRole.USER);

        HttpResponse<String> missing = user.get("/no-such-page.xhtml");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("There is no such page.") && missing.body().contains("id=\"sections\"")
                && missing.body().contains("error-page-user"), missing.body());
        HttpResponse<String> forbidden = user.get("/admin/users.xhtml");
        assertEquals(403, forbidden.statusCode());
        assertTrue(forbidden.body().contains("id=\"sections\""), forbidden.body());
    }

    @Test
    void theEjbsAreNotServedOverHttp() throws Exception {
        PortalClient admin = signedIn("invoker-admin", GlobalRole.ADMIN);
        for (String path : List.of("/wildfly-services/ejb/v1/open", "/wildfly-services/ejb/v2/discover")) {
            assertEquals(404, admin.get(path).statusCode(), path + " is an unknown page like any other");
            HttpResponse<String> anonymous = new PortalClient(URI.create(base.toString())).get(path);
            assertEquals(302, anonymous.statusCode(), path);
            assertTrue(PortalClient.location(anonymous).contains("signin"), "sent to sign in, as for any page: " + PortalClient.location(anonymous));
        }
    }

    @Test
    void everyPageWorksUnderThePolicyWithoutAViolation() throws Exception {
        TestDatabase.createUser("csp-admin", "csp-admin-password", GlobalRole.ADMIN);
        PortalClient api = new PortalClient(URI.create(base.toString()));
        api.signIn("csp-admin", "csp-admin-password");
        assertEquals(201, api.call("POST", "/api/v1/projects", """
                {"key": "csp-shop", "name": "Shop"}""").statusCode());
        assertEquals(201, api.call("POST", "/api/v1/projects/csp-shop/services", """
                {"name": "web", "kind": "application", "image": "ghcr.io/acme/shop", "deployOrder": 20}""").statusCode());
        List<String> violations = new ArrayList<>();
        try (Browser browser = new Browser(base)) {
            browser.open("/signin.xhtml");
            browser.waitFor(By.id("signin:username"));
            violations.addAll(browser.consoleErrors());
            browser.signIn("csp-admin", "csp-admin-password");
            browser.waitForUrlEnding("/index.xhtml");
            violations.addAll(browser.consoleErrors());

            for (String page : List.of("/projects/", "/projects/project.xhtml?key=csp-shop", "/projects/import.xhtml",
                    "/audit/", "/account/password.xhtml", "/no-such-page.xhtml")) {
                browser.open(page);
                browser.waitFor(By.tagName("h1"));
                violations.addAll(browser.consoleErrors().stream().map(error -> page + ": " + error)
                        .filter(error -> !error.contains("/no-such-page.xhtml - Failed to load resource: the server responded with a status of 404"))
                        .toList());
            }

            browser.open("/audit/");
            browser.toggleTheme();
            browser.waitForTheme("primefaces-arya-blue");
            violations.addAll(browser.consoleErrors().stream().map(error -> "theme: " + error).toList());

            browser.open("/admin/users.xhtml");
            browser.click(By.id("users:new"));
            browser.waitFor(By.id("createDialog"));
            assertTrue(browser.isShown(By.id("createDialog")), "the dialog opens by its oncomplete script, under the policy");
            browser.screenshot("users-dialog-under-csp");
            violations.addAll(browser.consoleErrors().stream().map(error -> "/admin/users.xhtml: " + error).toList());
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void aPageOfAnotherSiteCannotFrameThePortal() throws Exception {
        TestDatabase.createUser("frame-admin", "frame-admin-password", GlobalRole.ADMIN);
        String page = "<!doctype html><html><head><title>win a prize</title></head><body>"
                + "<iframe id=\"victim\" width=\"1200\" height=\"800\" src=\"" + base + "admin/users.xhtml\"></iframe></body></html>";
        try (AnotherSite attacker = new AnotherSite(page); Browser browser = new Browser(base)) {
            browser.signIn("frame-admin", "frame-admin-password");
            browser.waitForUrlEnding("/index.xhtml");
            browser.visit(attacker.address("/prize.html"));
            browser.waitFor(By.id("victim"));
            Thread.sleep(1500); // the frame's load, or its refusal
            browser.screenshot("framed-by-another-site");
            String framed = browser.frameText(By.id("victim"));
            assertFalse(framed.contains("Disable") || framed.contains("New user"), "the users page must not render in the frame: " + framed);
        }
    }
}
