package dev.capstan.it.platform;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.AnotherSite;
import dev.capstan.it.support.Browser;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.capstan.it.support.Json.object;
import static dev.capstan.it.support.Json.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-site request forgery against the API: a page of another site (here another port of the same
 * host, which is the same site for cookies) makes a signed-in maintainer's browser post to the API.
 * Nothing it sends changes anything; scripts that send JSON, YAML or X-Requested-With work as before.
 */
class CrossSiteRequestsIT extends PortalTest {

    private static final String PROJECTS = "/api/v1/projects";

    @Test
    void aPageOfAnotherSiteCannotActInASignedInMaintainersName() throws Exception {
        PortalClient owner = signedIn("csrf-owner", GlobalRole.USER);
        assertEquals(201, owner.call("POST", PROJECTS, """
                {"key": "csrf-shop", "name": "Shop"}""").statusCode());
        String portal = base.toString().replaceAll("/$", "");
        TestDatabase.createUser("csrf-intruder", "csrf-intruder-password", GlobalRole.USER);
        try (AnotherSite attacker = new AnotherSite("""
                    <!doctype html><html><head><title>cute cats</title></head><body>
                    <iframe name="sink"></iframe>
                    <form id="archive" method="post" target="sink" action="%1$s/api/v1/projects/csrf-shop/archive">
                      <input type="hidden" name="confirm" value="yes"></form>
                    <script>
                      document.getElementById('archive').submit();
                      const post = (path, type, body) => fetch('%1$s' + path,
                          {method: 'POST', mode: 'no-cors', credentials: 'include', headers: {'Content-Type': type}, body: body});
                      Promise.allSettled([
                        post('/api/v1/projects/csrf-shop/members', 'text/plain',
                             '{"username": "csrf-intruder", "role": "maintainer", "productionDeploys": true}'),
                        post('/api/v1/projects/csrf-shop/archive', 'application/x-www-form-urlencoded', ''),
                        fetch('%1$s/api/v1/projects/csrf-shop/archive', {method: 'POST', mode: 'no-cors', credentials: 'include'}),
                        post('/api/v1/projects/import', 'text/plain', 'capstan: 1\\nproject:\\n  key: csrf-planted\\n  name: Planted\\n')
                      ]).then(() => setTimeout(() => document.title = 'sent', 2000));
                    </script></body></html>""".formatted(portal));
             Browser browser = new Browser(base)) {
            browser.signIn("csrf-owner", "csrf-owner-password");
            browser.waitForUrlEnding("/index.xhtml");
            browser.visit(attacker.address("/cats.html"));
            browser.waitForTitle("sent");
            assertEquals(List.of("/cats.html"), attacker.requested().stream().filter(path -> !path.equals("/favicon.ico")).toList());
        }

        JsonObject project = object(owner.call("GET", PROJECTS + "/csrf-shop", null));
        assertFalse(project.getBoolean("archived"), "the form and the scripts did not archive it");
        assertFalse(owner.call("GET", PROJECTS + "/csrf-shop/members", null).body().contains("csrf-intruder"));
        assertEquals(404, owner.call("GET", PROJECTS + "/csrf-planted", null).statusCode());
    }

    @Test
    void aPostMustCarryJsonYamlOrTheHeaderAndIsRefusedWithAProblemOtherwise() throws Exception {
        PortalClient owner = signedIn("csrf-scripter", GlobalRole.USER);
        assertEquals(201, owner.call("POST", PROJECTS, """
                {"key": "csrf-script", "name": "Script"}""").statusCode());
        String archive = PROJECTS + "/csrf-script/archive";

        for (String type : new String[]{null, "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> refused = owner.callAsAnotherSite("POST", archive, type == null ? null : "", type);
            JsonObject problem = problem(refused, 403);
            assertTrue(problem.getString("detail").contains("X-Requested-With"), problem.toString());
        }
        problem(owner.callAsAnotherSite("POST", "/api/v1/projects/import", "capstan: 1\nproject:\n  key: csrf-text\n  name: Text\n", "text/plain"), 403);
        assertFalse(object(owner.call("GET", PROJECTS + "/csrf-script", null)).getBoolean("archived"), "nothing was archived");

        assertEquals(204, owner.call("POST", archive, null).statusCode(), "the header (PortalClient sends it) lets a script archive");
        assertTrue(object(owner.call("GET", PROJECTS + "/csrf-script", null)).getBoolean("archived"));
        assertEquals(204, owner.call("POST", PROJECTS + "/csrf-script/unarchive", "{}").statusCode(), "so does a JSON body");
    }

    @Test
    void anImportPlanAppliesOnlyInTheSessionThatWasShownIt() throws Exception {
        PortalClient shown = signedIn("csrf-planner", GlobalRole.USER);
        PortalClient otherSession = new PortalClient(URI.create(base.toString()));
        assertEquals(302, otherSession.signIn("csrf-planner", "csrf-planner-password").statusCode());
        PortalClient otherPerson = signedIn("csrf-other-planner", GlobalRole.USER);
        String file = "capstan: 1\nproject:\n  key: csrf-planned\n  name: Planned\n";

        String fingerprint = object(shown.call("POST", "/api/v1/projects/import", file, "application/yaml")).getString("fingerprint");
        assertNotEquals(fingerprint, object(otherSession.call("POST", "/api/v1/projects/import", file, "application/yaml"))
                .getString("fingerprint"), "the same plan, shown in another session, has another fingerprint");

        problem(otherSession.call("POST", "/api/v1/projects/import?plan=" + fingerprint, file, "application/yaml"), 409);
        problem(otherPerson.call("POST", "/api/v1/projects/import?plan=" + fingerprint, file, "application/yaml"), 409);
        assertEquals(404, shown.call("GET", PROJECTS + "/csrf-planned", null).statusCode(), "neither applied it");

        HttpResponse<String> applied = shown.call("POST", "/api/v1/projects/import?plan=" + fingerprint, file, "application/yaml");
        assertEquals(200, applied.statusCode(), applied.body());
        assertEquals(200, shown.call("GET", PROJECTS + "/csrf-planned", null).statusCode());
    }
}
