package dev.capstan.it.projects;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

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
        assertEquals(file + "members:\n  - user: yaml-pipeline\n    role: maintainer\n    productionDeploys: true\n", export.body());
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

        assertEquals(java.util.List.of("services[0].kind", "services[0].deployOrdr"), errorFields(refused));
        String messages = refused.getJsonArray("errors").toString();
        assertTrue(messages.contains("line 7, column 11: 'wrker' is not a service kind"), messages);
        assertTrue(messages.contains("line 9, column 5: unknown key 'deployOrdr'"), messages);
        problem(pipeline.call("POST", IMPORT, "{\"capstan\": 1}", "application/json"), 415);
        problem(pipeline.call("POST", IMPORT, "", YAML), 400);
        assertEquals(404, pipeline.call("GET", "/api/v1/projects/typo-project", null).statusCode(), "nothing was written");
    }
}
