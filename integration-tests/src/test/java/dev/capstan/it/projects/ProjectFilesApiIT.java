package dev.capstan.it.projects;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.capstan.it.support.Json.errorFields;
import static dev.capstan.it.support.Json.object;
import static dev.capstan.it.support.Json.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Config as code over the API, as a CI pipeline uses it: a dry run, applying the plan it showed,
 * the export that gives the file back, and files that are refused with line and column.
 */
class ProjectFilesApiIT extends PortalTest {

    private static final String IMPORT = "/api/v1/projects/import";
    private static final String YAML = "application/yaml";
    private static final Path EXAMPLES = Path.of(System.getProperty("capstan.test.repository", "..")).resolve("docs/examples");

    @Test
    void aDryRunThenItsPlanThenTheExportGivesTheFileBack() throws Exception {
        PortalClient pipeline = signedIn("yaml-pipeline", GlobalRole.USER);
        String file = Files.readString(EXAMPLES.resolve("booking.yaml")).replace("key: booking", "key: booking-api");

        JsonObject dryRun = object(pipeline.call("POST", IMPORT, file, YAML));
        assertTrue(dryRun.getBoolean("newProject"));
        assertTrue(dryRun.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .anyMatch(change -> change.getString("summary").equals("add service api")), dryRun.toString());
        assertEquals(404, pipeline.call("GET", "/api/v1/projects/booking-api", null).statusCode(), "a dry run changes nothing");

        problem(pipeline.call("POST", IMPORT + "?plan=not-the-plan-shown", file, YAML), 409);
        HttpResponse<String> applied = pipeline.call("POST", IMPORT + "?plan=" + dryRun.getString("fingerprint"), file, YAML);
        assertEquals(200, applied.statusCode(), applied.body());

        JsonObject project = object(pipeline.call("GET", "/api/v1/projects/booking-api", null));
        assertEquals(2, project.getJsonArray("services").size());
        assertEquals("maintainer", project.getString("standing"), "the importer maintains what they imported");

        HttpResponse<String> export = pipeline.call("GET", "/api/v1/projects/booking-api/export", null);
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith(YAML));
        assertEquals(file + "members:\n  - username: yaml-pipeline\n    role: maintainer\n    productionDeploys: true\n", export.body());
        JsonObject again = object(pipeline.call("POST", IMPORT, export.body(), YAML));
        assertEquals(0, again.getJsonArray("changes").size(), "importing the export changes nothing: " + again);
        assertFalse(ProjectsApiIT.changes("service.created", "booking-api", "api").isEmpty(), "each change is audited");
    }

    @Test
    void aBadFileIsRefusedWithEachProblemAtItsLineAndColumn() throws Exception {
        PortalClient pipeline = signedIn("yaml-typo", GlobalRole.USER);
        String file = """
                capstan: 1
                project:
                  key: typo-project
                  name: Typos
                services:
                  - name: web
                    kind: wrker
                    image: nginx
                    deployOrdr: 10
                """;

        JsonObject refused = problem(pipeline.call("POST", IMPORT, file, YAML), 400);

        assertEquals(List.of("services[0].kind", "services[0].deployOrdr"), errorFields(refused));
        String messages = refused.getJsonArray("errors").toString();
        assertTrue(messages.contains("line 7, column 11: 'wrker' is not a service kind"), messages);
        assertTrue(messages.contains("line 9, column 5: unknown key 'deployOrdr'"), messages);
        problem(pipeline.call("POST", IMPORT, "{\"capstan\": 1}", "application/json"), 415);
        problem(pipeline.call("POST", IMPORT, "", YAML), 400);
        assertEquals(404, pipeline.call("GET", "/api/v1/projects/typo-project", null).statusCode(), "nothing was written");
    }

    /** A file, an API body and an error's field name a value the same way (they differed: owningTeam/team, ...). */
    @Test
    void theFilesKeysAreTheApisFieldNames() throws Exception {
        PortalClient maintainer = signedIn("yaml-names", GlobalRole.USER);
        assertEquals(201, maintainer.call("POST", "/api/v1/projects", "{\"key\": \"yaml-names\", \"name\": \"Names\", \"owningTeam\": \"Team\"}").statusCode());
        assertEquals(201, maintainer.call("POST", "/api/v1/projects/yaml-names/services", """
                {"name": "api", "image": "ghcr.io/acme/api", "sourceRepository": "https://git.example.com/api.git", "defaultRef": "main",
                 "liveness": {"url": "/health", "expectations": ["status == \\"UP\\""]},
                 "smokeChecks": [{"path": "/", "bodyContains": "Welcome"}]}""").statusCode());

        String file = maintainer.call("GET", "/api/v1/projects/yaml-names/export", null).body();
        String json = maintainer.call("GET", "/api/v1/projects/yaml-names", null).body()
                + maintainer.call("GET", "/api/v1/projects/yaml-names/members", null).body();
        for (String name : List.of("owningTeam", "sourceRepository", "defaultRef", "expectations", "bodyContains", "username")) {
            assertTrue(file.contains(name + ":"), name + " in the file:\n" + file);
            assertTrue(json.contains("\"" + name + "\""), name + " in the API's JSON: " + json);
        }
    }

    @Test
    void filesBeyondWhatAProjectMayHoldAreRefusedBeforeTheirWorkIsDone() throws Exception {
        PortalClient pipeline = signedIn("yaml-too-big", GlobalRole.USER);

        JsonObject tooMany = problem(pipeline.call("POST", IMPORT, projectFile("too-many", 101), YAML), 400);
        assertEquals(List.of("services"), errorFields(tooMany));
        assertTrue(tooMany.toString().contains("at most 100 services are allowed here; this list has 101"), tooMany.toString());

        JsonObject tooLarge = problem(pipeline.call("POST", IMPORT, "x".repeat(2 * 1024 * 1024), YAML), 413);
        assertTrue(tooLarge.getString("detail").startsWith("The request body is larger than the API takes"), tooLarge.toString());
    }

    @Test
    void aFloodOfImportsIsToldToRetryLaterWhileOtherPeopleAreStillServed() throws Exception {
        PortalClient flooder = signedIn("yaml-flooder", GlobalRole.USER);
        PortalClient colleague = signedIn("yaml-colleague", GlobalRole.USER);
        String largest = projectFile("flood", 100);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> flood = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                flood.add(threads.submit(() -> flooder.call("POST", IMPORT, largest, YAML)));
            }
            List<Integer> colleagueAnswers = new ArrayList<>();
            while (flood.stream().anyMatch(f -> !f.isDone())) {
                colleagueAnswers.add(colleague.call("GET", "/api/v1/projects?limit=5", null).statusCode());
            }

            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : flood) {
                answers.add(f.get());
            }
            assertTrue(answers.stream().allMatch(a -> a.statusCode() == 200 || a.statusCode() == 429),
                    "every import is done or told to retry: " + answers.stream().map(HttpResponse::statusCode).toList());
            HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 429).findFirst()
                    .orElseThrow(() -> new AssertionError("16 imports at once by one user all ran"));
            assertEquals("2", refused.headers().firstValue("Retry-After").orElse(null));
            assertEquals("You have 2 imports running already; wait for one to finish, then try again.",
                    problem(refused, 429).getString("detail"));
            assertFalse(colleagueAnswers.isEmpty());
            assertTrue(colleagueAnswers.stream().allMatch(status -> status == 200), colleagueAnswers.toString());
            assertEquals(200, flooder.call("POST", IMPORT, largest, YAML).statusCode(), "once the flood is over, imports run again");
        } finally {
            threads.shutdownNow();
        }
    }

    /** A project file with {@code services} services, each with every field the format has filled in. */
    private static String projectFile(String key, int services) {
        StringBuilder file = new StringBuilder("capstan: 1\nproject:\n  key: " + key + "\n  name: " + key + "\nservices:\n");
        for (int i = 0; i < services; i++) {
            file.append("  - name: service-").append(i).append("\n    kind: application\n    image: ghcr.io/acme/service-").append(i)
                    .append("\n    deployOrder: ").append(i).append("\n    liveness:\n      url: /health\n      expectations:\n");
            for (int e = 0; e < 20; e++) {
                file.append("        - check").append(e).append(" == \"ok\"\n");
            }
            file.append("    smokeChecks:\n");
            for (int c = 0; c < 20; c++) {
                file.append("      - path: /page-").append(c).append("\n        bodyContains: Welcome\n");
            }
        }
        return file.toString();
    }
}
