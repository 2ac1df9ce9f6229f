package dev.capstan.it.projects;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.capstan.it.support.Json.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every API operation, called by every kind of caller against the live server, answers what the
 * matrix below says: 2xx where allowed, 403 where the caller may read the project but not do
 * this, 404 where they may not even know it exists. The server's own OpenAPI document lists the
 * operations, so an operation added without a row here fails this test, and so does a row for an
 * operation the server no longer has.
 */
class AuthorizationMatrixIT extends PortalTest {

    /**
     * Who calls: global roles, and for users their membership in the project called on; then the
     * maintainer through personal API tokens: without limits, read only, and limited to another project.
     */
    enum Caller {
        ADMIN, AUDITOR, MAINTAINER, DEPLOYER, VIEWER, OUTSIDER, TOKEN, READ_TOKEN, ELSEWHERE_TOKEN;

        boolean isToken() {
            return name().endsWith("TOKEN");
        }

        /** Whose session, or whose token. */
        String username() {
            return isToken() ? MAINTAINER.username() : "matrix-" + name().toLowerCase();
        }

        /** The project of its own this caller works on. */
        String projectKey() {
            return "matrix-" + name().toLowerCase().replace('_', '-');
        }
    }

    private static final String MATRIX = """
            #                                                  ADMIN AUDITOR MAINTAINER DEPLOYER VIEWER OUTSIDER TOKEN READ_TOKEN ELSEWHERE_TOKEN
            GET    /api/v1/projects                            200   200     200        200      200    200   200   200        403
            POST   /api/v1/projects                            201   403     201        201      201    201   201   403        403
            GET    /api/v1/projects/{key}                      200   200     200        200      200    404   200   200        403
            PUT    /api/v1/projects/{key}                      200   403     200        403      403    404   200   403        403
            GET    /api/v1/projects/{key}/services             200   200     200        200      200    404   200   200        403
            POST   /api/v1/projects/{key}/services             201   403     201        403      403    404   201   403        403
            GET    /api/v1/projects/{key}/services/{name}      200   200     200        200      200    404   200   200        403
            PUT    /api/v1/projects/{key}/services/{name}      200   403     200        403      403    404   200   403        403
            DELETE /api/v1/projects/{key}/services/{name}      204   403     204        403      403    404   204   403        403
            GET    /api/v1/projects/{key}/environments         200   200     200        200      200    404   200   200        403
            POST   /api/v1/projects/{key}/environments         201   403     201        403      403    404   201   403        403
            GET    /api/v1/projects/{key}/environments/{name}  200   200     200        200      200    404   200   200        403
            PUT    /api/v1/projects/{key}/environments/{name}  200   403     200        403      403    404   200   403        403
            DELETE /api/v1/projects/{key}/environments/{name}  204   403     204        403      403    404   204   403        403
            GET    /api/v1/projects/{key}/members              200   200     200        200      200    404   200   200        403
            POST   /api/v1/projects/{key}/members              201   403     201        403      403    404   201   403        403
            GET    /api/v1/projects/{key}/members/{username}   200   200     200        200      200    404   200   200        403
            PUT    /api/v1/projects/{key}/members/{username}   200   403     200        403      403    404   200   403        403
            DELETE /api/v1/projects/{key}/members/{username}   204   403     204        403      403    404   204   403        403
            POST   /api/v1/projects/{key}/archive              204   403     204        403      403    404   204   403        403
            POST   /api/v1/projects/{key}/unarchive            204   403     204        403      403    404   204   403        403
            GET    /api/v1/projects/{key}/export               200   200     200        200      200    404   200   200        403
            POST   /api/v1/projects/import                     200   403     200        403      403    404   200   403        403
            """;

    /** A call to make: where, and the body (null for none), JSON unless said otherwise. */
    record Call(String path, String body, String contentType) {
        Call(String path, String body) {
            this(path, body, "application/json");
        }
    }

    @FunctionalInterface
    interface CallOn {
        /** The call for an operation on {@code key}, valid for a caller allowed to make it. */
        Call on(String key, Caller caller) throws Exception;
    }

    /** The administrator who sets up each caller's project and reads the versions a change must send. */
    private PortalClient setup;

    /** How to call each operation of the matrix, in the order the matrix runs (archiving last). */
    private Map<String, CallOn> calls() {
        Map<String, CallOn> calls = new LinkedHashMap<>();
        String projects = "/api/v1/projects";
        calls.put("GET /api/v1/projects", (key, caller) -> new Call(projects, null));
        calls.put("POST /api/v1/projects", (key, caller) -> new Call(projects,
                "{\"key\": \"" + key + "-new\", \"name\": \"Created by " + caller + "\"}"));
        calls.put("GET /api/v1/projects/{key}", (key, caller) -> new Call(projects + "/" + key, null));
        calls.put("PUT /api/v1/projects/{key}", (key, caller) -> new Call(projects + "/" + key,
                "{\"name\": \"Changed by " + caller + "\", \"version\": " + read(key).getJsonNumber("version") + "}"));
        for (String children : List.of("services", "environments")) {
            String existing = children.equals("services") ? "web" : "staging";
            String added = children.equals("services") ? "{\"name\": \"added\", \"image\": \"ghcr.io/acme/added\"}"
                    : "{\"name\": \"added\", \"tier\": \"development\"}";
            String changed = children.equals("services") ? "\"image\": \"ghcr.io/acme/web-2\"" : "\"tier\": \"staging\", \"baseUrl\": \"https://staging.example.com\"";
            String base = projects + "/{key}/" + children;
            calls.put("GET " + base, (key, caller) -> new Call(projects + "/" + key + "/" + children, null));
            calls.put("POST " + base, (key, caller) -> new Call(projects + "/" + key + "/" + children, added));
            calls.put("GET " + base + "/{name}", (key, caller) -> new Call(projects + "/" + key + "/" + children + "/" + existing, null));
            calls.put("PUT " + base + "/{name}", (key, caller) -> new Call(projects + "/" + key + "/" + children + "/" + existing,
                    "{" + changed + ", \"version\": " + version(read(key), children, "name", existing) + "}"));
            calls.put("DELETE " + base + "/{name}", (key, caller) -> new Call(projects + "/" + key + "/" + children + "/" + existing, null));
        }
        String members = projects + "/{key}/members";
        calls.put("GET " + members, (key, caller) -> new Call(projects + "/" + key + "/members", null));
        calls.put("POST " + members, (key, caller) -> new Call(projects + "/" + key + "/members",
                "{\"username\": \"matrix-extra\", \"role\": \"viewer\"}"));
        calls.put("GET " + members + "/{username}", (key, caller) -> new Call(projects + "/" + key + "/members/matrix-deployer", null));
        calls.put("PUT " + members + "/{username}", (key, caller) -> new Call(projects + "/" + key + "/members/matrix-deployer",
                "{\"role\": \"deployer\", \"productionDeploys\": true, \"version\": "
                        + version(read(key), "members", "username", "matrix-deployer") + "}"));
        calls.put("DELETE " + members + "/{username}", (key, caller) -> new Call(projects + "/" + key + "/members/matrix-viewer", null));
        calls.put("POST /api/v1/projects/{key}/archive", (key, caller) -> new Call(projects + "/" + key + "/archive", null));
        calls.put("POST /api/v1/projects/{key}/unarchive", (key, caller) -> new Call(projects + "/" + key + "/unarchive", null));
        calls.put("GET /api/v1/projects/{key}/export", (key, caller) -> new Call(projects + "/" + key + "/export", null));
        calls.put("POST /api/v1/projects/import", (key, caller) -> new Call(projects + "/import",
                "capstan: 1\nproject:\n  key: " + key + "\n  name: Imported by " + caller + "\n", "application/yaml"));
        return calls;
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheMatrixSays() throws Exception {
        Map<String, Map<Caller, Integer>> matrix = matrix();
        Map<String, CallOn> calls = calls();
        assertEquals(new TreeSet<>(matrix.keySet()), new TreeSet<>(calls.keySet()), "each row of the matrix knows how to call it");
        assertEveryServedOperationIsIn(matrix.keySet());

        Map<Caller, PortalClient> clients = signInEveryone();
        List<String> wrong = new ArrayList<>();
        int made = 0;
        for (Caller caller : Caller.values()) {
            String key = caller.projectKey(); // each caller works on a project of their own, so that changes do not collide
            createProjectWithEverything(key);
            for (Map.Entry<String, CallOn> operation : calls.entrySet()) {
                Call call = operation.getValue().on(key, caller);
                HttpResponse<String> answer = clients.get(caller).call(operation.getKey().split(" ")[0], call.path(), call.body(), call.contentType());
                made++;
                int expected = matrix.get(operation.getKey()).get(caller);
                if (answer.statusCode() != expected) {
                    wrong.add(caller + " " + operation.getKey() + ": expected " + expected + ", got " + answer.statusCode() + " " + answer.body());
                } else if (expected >= 400 && !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    wrong.add(caller + " " + operation.getKey() + ": a refusal that is not a problem: " + answer.headers().map());
                }
            }
        }
        assertEquals(matrix.size() * Caller.values().length, made);
        assertTrue(wrong.isEmpty(), wrong.size() + " answers differ from the matrix:\n" + String.join("\n", wrong));
    }

    @Test
    void aNonMemberCannotTellAProjectFromOneThatDoesNotExist() throws Exception {
        PortalClient outsider = signInEveryone().get(Caller.OUTSIDER);
        createProjectWithEverything("hidden-project");
        for (Map.Entry<String, CallOn> operation : calls().entrySet()) {
            if (!operation.getKey().contains("{key}")) {
                continue;
            }
            String method = operation.getKey().split(" ")[0];
            Call call = operation.getValue().on("hidden-project", Caller.OUTSIDER);
            HttpResponse<String> hidden = outsider.call(method, call.path(), call.body());
            HttpResponse<String> missing = outsider.call(method, call.path().replace("hidden-project", "missing-project"), call.body());
            assertEquals(404, hidden.statusCode(), operation.getKey());
            assertEquals(missing.statusCode(), hidden.statusCode(), operation.getKey());
            assertEquals(missing.headers().firstValue("Content-Type"), hidden.headers().firstValue("Content-Type"), operation.getKey());
            assertEquals(missing.body().replace("missing-project", "hidden-project"), hidden.body(), operation.getKey());
        }
    }

    private static boolean usersCreated;

    /**
     * Signs in a client for each caller, and the administrator who sets up projects; creates the
     * users the first time (both tests use them, in either order).
     */
    private Map<Caller, PortalClient> signInEveryone() throws Exception {
        if (!usersCreated) {
            TestDatabase.createUser("matrix-setup", "matrix-setup-password", GlobalRole.ADMIN);
            TestDatabase.createUser("matrix-extra", "matrix-extra-password", GlobalRole.USER);
            for (Caller caller : Arrays.stream(Caller.values()).filter(c -> !c.isToken()).toList()) {
                TestDatabase.createUser(caller.username(), caller.username() + "-password", switch (caller) {
                    case ADMIN -> GlobalRole.ADMIN;
                    case AUDITOR -> GlobalRole.AUDITOR;
                    default -> GlobalRole.USER;
                });
            }
            usersCreated = true;
        }
        setup = signIn("matrix-setup");
        Map<Caller, PortalClient> clients = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            if (!caller.isToken()) {
                clients.put(caller, signIn(caller.username()));
            }
        }
        PortalClient maintainer = clients.get(Caller.MAINTAINER);
        String run = Long.toString(System.nanoTime(), 36); // token names are unique per owner; both tests make theirs
        URI portal = URI.create(base.toString());
        clients.put(Caller.TOKEN, PortalClient.withToken(portal, maintainer.makeToken("matrix " + run, null, false)));
        clients.put(Caller.READ_TOKEN, PortalClient.withToken(portal, maintainer.makeToken("matrix read " + run, null, true)));
        clients.put(Caller.ELSEWHERE_TOKEN, PortalClient.withToken(portal,
                maintainer.makeToken("matrix elsewhere " + run, "matrix-elsewhere", false)));
        return clients;
    }

    private PortalClient signIn(String username) throws Exception {
        PortalClient client = new PortalClient(URI.create(base.toString()));
        assertEquals(302, client.signIn(username, username + "-password").statusCode(), username + " signs in");
        return client;
    }

    /** A project with a service, an environment and a member of each project role. */
    private void createProjectWithEverything(String key) throws Exception {
        String project = "/api/v1/projects/" + key;
        List<HttpResponse<String>> answers = List.of(
                setup.call("POST", "/api/v1/projects", "{\"key\": \"" + key + "\", \"name\": \"" + key + "\"}"),
                setup.call("POST", project + "/services", "{\"name\": \"web\", \"image\": \"ghcr.io/acme/web\"}"),
                setup.call("POST", project + "/environments", "{\"name\": \"staging\", \"tier\": \"staging\"}"),
                setup.call("POST", project + "/members", "{\"username\": \"matrix-maintainer\", \"role\": \"maintainer\"}"),
                setup.call("POST", project + "/members", "{\"username\": \"matrix-deployer\", \"role\": \"deployer\"}"),
                setup.call("POST", project + "/members", "{\"username\": \"matrix-viewer\", \"role\": \"viewer\"}"));
        for (HttpResponse<String> answer : answers) {
            assertEquals(201, answer.statusCode(), "setting up " + key + ": " + answer.body());
        }
    }

    private JsonObject read(String key) throws Exception {
        HttpResponse<String> project = setup.call("GET", "/api/v1/projects/" + key, null);
        assertEquals(200, project.statusCode(), project.body());
        return object(project);
    }

    private static long version(JsonObject project, String children, String nameField, String name) {
        return project.getJsonArray(children).getValuesAs(JsonObject.class).stream()
                .filter(child -> child.getString(nameField).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(project.getString("key") + " has no " + children + " " + name))
                .getJsonNumber("version").longValue();
    }

    private static Map<String, Map<Caller, Integer>> matrix() {
        Map<String, Map<Caller, Integer>> matrix = new LinkedHashMap<>();
        MATRIX.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            String[] cells = line.trim().split("\\s+");
            assertEquals(2 + Caller.values().length, cells.length, "a status for each caller: " + line);
            Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                expected.put(caller, Integer.parseInt(cells[2 + caller.ordinal()]));
            }
            assertEquals(null, matrix.put(cells[0] + " " + cells[1], expected), "one row per operation: " + line);
        });
        return matrix;
    }

    /** The operations the server's OpenAPI document lists under /api/v1 are exactly the matrix's rows. */
    private void assertEveryServedOperationIsIn(Set<String> rows) throws Exception {
        HttpResponse<String> document = new PortalClient(URI.create(base.toString())).call("GET", "/openapi?format=JSON", null);
        assertEquals(200, document.statusCode(), "WildFly serves the OpenAPI document: " + document.body());
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
        Set<String> served = new TreeSet<>();
        object(document).getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(methods::contains)
                .forEach(method -> served.add(method.toUpperCase() + " " + path)));
        assertTrue(served.stream().allMatch(operation -> operation.split(" ")[1].startsWith("/api/v1/")),
                "the document lists the API's operations with their full paths: " + served);
        Set<String> unlisted = served.stream().filter(operation -> !rows.contains(operation)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> gone = rows.stream().filter(row -> !served.contains(row)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(unlisted.isEmpty() && gone.isEmpty(), "operations the server has but the matrix does not: " + unlisted
                + "; rows for operations the server does not have: " + gone + " (served: " + Arrays.toString(served.toArray()) + ")");
    }
}
