package dev.capstan.projects.control;

import dev.capstan.environments.entity.EnvironmentInput;
import dev.capstan.environments.entity.EnvironmentInput.OverrideInput;
import dev.capstan.environments.entity.EnvironmentInput.TargetInput;
import dev.capstan.platform.FieldError;
import dev.capstan.platform.InvalidInputException;
import dev.capstan.projects.entity.MemberInput;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectDocument;
import dev.capstan.projects.entity.ProjectInput;
import dev.capstan.projects.entity.ServiceInput;
import dev.capstan.projects.entity.ServiceInput.EndpointInput;
import dev.capstan.projects.entity.ServiceInput.SmokeCheckInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectYamlTest {

    private final ProjectYaml yaml = new ProjectYaml();

    private static final String MINIMAL = """
            capstan: 1
            project:
              key: korrigo
              name: Korrigo
            """;

    @Test
    void writesBlockStyleWithListsIndentedUnderTheirKeyAndDefaultsLeftOut() {
        ProjectDocument document = new ProjectDocument(new ProjectInput("korrigo", "Korrigo", null, ""), false,
                List.of(new ServiceInput("db", "database", true, "postgres", null, null, 10, null, null, List.of())),
                List.of(new EnvironmentInput("production", "production", "http://127.0.0.1:8000",
                        new TargetInput("ssh-host", Map.of("user", "deploy", "port", "2222", "host", "127.0.0.1",
                                "directory", "/srv/korrigo")), List.of())),
                List.of(new MemberInput("alice", "maintainer", false)));

        assertEquals("""
                capstan: 1
                project:
                  key: korrigo
                  name: Korrigo
                services:
                  - name: db
                    kind: database
                    essential: true
                    image: postgres
                    deployOrder: 10
                environments:
                  - name: production
                    tier: production
                    baseUrl: http://127.0.0.1:8000
                    target:
                      kind: ssh-host
                      version: 1
                      settings:
                        directory: /srv/korrigo
                        host: 127.0.0.1
                        port: 2222
                        user: deploy
                members:
                  - username: alice
                    role: maintainer
                """, yaml.write(document));
    }

    @Test
    void aRichDocumentRoundTripsExactly() {
        String written = yaml.write(rich());

        ProjectDocument read = yaml.read(written);

        assertEquals(written, yaml.write(read));
        assertTrue(read.archived());
        assertEquals("Two lines,\nwith: a colon", read.project().description());
        assertEquals(List.of("db", "backend", "nginx"), read.services().stream().map(ServiceInput::name).toList());
        assertEquals(List.of("development", "staging", "production"),
                read.environments().stream().map(EnvironmentInput::name).toList());
        assertEquals(List.of("bob", "carol"), read.members().stream().map(MemberInput::username).toList());
        assertEquals(Map.of("host", "127.0.0.1", "port", "2222", "user", "deploy", "directory", "/srv/korrigo"),
                read.environments().get(2).target().settings());
        assertEquals("yes", read.project().owningTeam(), "a string that looks like a flag stays a string");
    }

    @Test
    void readsSettingsAsTextWhateverTheirYamlType() {
        ProjectDocument read = yaml.read(MINIMAL + """
                environments:
                  - name: live
                    tier: production
                    target:
                      kind: render
                      version: 1
                      settings:
                        serviceId: srv-1
                        clearCache: true
                """);

        assertEquals(Map.of("serviceId", "srv-1", "clearCache", "true"), read.environments().get(0).target().settings());
    }

    @Test
    void aSyntaxErrorSaysWhereTheParserStopped() {
        List<FieldError> errors = errors("""
                capstan: 1
                project:
                  key: korrigo
                 name: Korrigo
                """);

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().startsWith("line 4, column 2: this is not valid YAML: "), errors.get(0).message());
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeysThatAreExpected() {
        List<FieldError> errors = errors(MINIMAL + """
                services:
                  - name: db
                    knd: database
                    image: postgres
                """);

        assertEquals(List.of(new FieldError("services[0].knd", "line 7, column 5: unknown key 'knd'; expected one of name, "
                + "kind, essential, image, sourceRepository, defaultRef, deployOrder, liveness, readiness, smokeChecks.")), errors);
    }

    @Test
    void aWrongKindIsReportedAtItsValueWithTheDomainsMessage() {
        List<FieldError> errors = errors(MINIMAL + """
                services:
                  - name: db
                    kind: database
                    image: postgres
                  - name: worker
                    kind: wrker
                    image: korrigo/backend
                """);

        assertEquals(List.of(new FieldError("services[1].kind", "line 10, column 11: 'wrker' is not a service kind; "
                + "choose one of application, worker, database, cache, proxy, scheduler, other.")), errors);
    }

    @Test
    void everyProblemIsReportedInFileOrderWithTheFileKeysName() {
        List<FieldError> errors = errors(MINIMAL + """
                services:
                  - name: web
                    sourceRepository: has spaces
                    deployOrder: first
                    smokeChecks:
                      - path: /health
                        status: 999
                environments:
                  - name: prod
                    tier: production
                    overrides:
                      - service: wbe
                """);

        assertEquals(List.of(
                new FieldError("services[0].sourceRepository", "line 7, column 23: A source repository has no spaces and at most "
                        + "500 characters, like https://github.com/acme/api.git."),
                new FieldError("services[0].deployOrder", "line 8, column 18: 'first' is not a whole number."),
                new FieldError("services[0].smokeChecks[0].status", "line 11, column 17: An HTTP status is between 100 and 599."),
                new FieldError("environments[0].overrides[0].service", "line 16, column 18: The project has no service "
                        + "'wbe' to override.")), errors);
    }

    @Test
    void aListWhereAMapIsExpectedIsNamed() {
        List<FieldError> errors = errors("""
                capstan: 1
                project:
                  - key: korrigo
                """);

        assertEquals(List.of(new FieldError("project", "line 3, column 3: expected a map (key: value lines) here, not a list.")),
                errors);
    }

    @Test
    void aMissingProjectKeyIsReportedOnceAtTheProject() {
        List<FieldError> errors = errors("""
                capstan: 1
                project:
                  name: Korrigo
                """);

        assertEquals(List.of(new FieldError("project.key",
                "line 3, column 3: missing required key 'key': the project's key, like korrigo.")), errors);
    }

    @Test
    void anotherFormatVersionIsTheOnlyProblemReported() {
        List<FieldError> errors = errors("""
                capstan: 2
                project:
                  key: korrigo
                  owner: someone
                """);

        assertEquals(List.of(new FieldError("capstan",
                "line 1, column 10: this file is in format version 2; this Capstan reads version 1.")), errors);
    }

    @Test
    void aMissingVersionIsReported() {
        List<FieldError> errors = errors("""
                project:
                  key: korrigo
                  name: Korrigo
                """);

        assertEquals(List.of(new FieldError("capstan",
                "line 1, column 1: missing required key 'capstan': the format version, capstan: 1.")), errors);
    }

    @Test
    void aFlagIsTrueOrFalse() {
        List<FieldError> errors = errors(MINIMAL + "  archived: maybe\n");

        assertEquals(List.of(new FieldError("project.archived", "line 5, column 13: 'maybe' is not true or false.")), errors);
    }

    @Test
    void aJavaTypeTagIsRefused() {
        List<FieldError> errors = errors("""
                capstan: 1
                project: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:1/"]]]]
                """);

        assertEquals(1, errors.size());
        String message = errors.get(0).message();
        assertTrue(message.startsWith("line 2, column 10: ") && message.contains("Global tag is not allowed"), message);
    }

    @Test
    void aYamlBombIsRefused() {
        List<FieldError> errors = errors("""
                capstan: 1
                a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
                """);

        assertEquals(1, errors.size());
        String message = errors.get(0).message();
        assertTrue(message.startsWith("Capstan refuses this file: "), message);
        assertTrue(message.contains("at most 10 aliases (*name) of lists or maps") && message.contains("YAML bombs"), message);
    }

    @Test
    void aFewAliasesAreFine() {
        ProjectDocument read = yaml.read(MINIMAL + """
                services:
                  - name: web
                    image: acme/web
                    liveness: &health
                      url: /health
                  - name: api
                    image: acme/api
                    liveness: *health
                """);

        assertEquals("/health", read.services().get(1).liveness().url());
    }

    @Test
    void anOversizedFileIsRefused() {
        String huge = MINIMAL + "  description: " + "x".repeat(ProjectYaml.MAX_CODE_POINTS) + "\n";

        String message = errors(huge).get(0).message();

        assertTrue(message.startsWith("Capstan refuses this file: ") && message.contains("262144 characters"), message);
    }

    @Test
    void aListLongerThanAProjectMayHoldIsRefusedAtItsLineBeforeItsItemsAreRead() {
        StringBuilder file = new StringBuilder(MINIMAL).append("services:\n");
        for (int i = 0; i <= Project.MAX_SERVICES; i++) {
            file.append("  - name: s").append(i).append("\n    kind: no-such-kind\n");
        }

        assertEquals(List.of(new FieldError("services", "line 6, column 3: at most 100 services are allowed here; this list has 101.")),
                errors(file.toString()));
    }

    @Test
    void aFileFullOfMistakesListsTheFirstHundredAndCountsTheRest() {
        // Three problems per service: the kind, the unknown key, and no image or source.
        StringBuilder file = new StringBuilder(MINIMAL).append("services:\n");
        for (int i = 0; i < 60; i++) {
            file.append("  - name: s").append(i).append("\n    kind: no-such-kind\n    colour: blue\n");
        }

        List<FieldError> errors = errors(file.toString());

        assertEquals(101, errors.size());
        assertEquals(new FieldError(null, "and 80 more problems after these; fix these first."), errors.get(100));
    }

    @Test
    void anEmptyFileSaysHowAFileStarts() {
        assertEquals(List.of(new FieldError("capstan", "line 1, column 1: the file is empty; a project file starts with capstan: 1")),
                errors(""));
    }

    private List<FieldError> errors(String text) {
        return assertThrows(InvalidInputException.class, () -> yaml.read(text)).errors();
    }

    private static ProjectDocument rich() {
        EndpointInput live = new EndpointInput("/api/health/live/", 200, List.of("status == \"alive\""));
        EndpointInput ready = new EndpointInput("/api/health/ready/", 200,
                List.of("status == \"ready\"", "database == \"connected\"", "cache == \"connected\""));
        return new ProjectDocument(new ProjectInput("korrigo", "Korrigo: grading", "Two lines,\nwith: a colon", "yes"), true,
                List.of(new ServiceInput("nginx", "proxy", false, "nginx:1.27", null, null, 90, null, null,
                                List.of(new SmokeCheckInput("GET", "/", 200, "Korrigo"),
                                        new SmokeCheckInput("HEAD", "/media/", 403, null))),
                        new ServiceInput("backend", "application", null, null, "https://github.com/acme/korrigo.git", "main",
                                30, live, ready, List.of(new SmokeCheckInput("GET", "/api/health/ready/", 200, "ready"))),
                        new ServiceInput("db", "database", true, "postgres:16", null, null, 10, null, null, null)),
                List.of(new EnvironmentInput("production", "production", "http://127.0.0.1:8320",
                                new TargetInput("ssh-host", Map.of("host", "127.0.0.1", "port", "2222", "user", "deploy",
                                        "directory", "/srv/korrigo")),
                                List.of(new OverrideInput("nginx", false, "/healthz", "https://127.0.0.1:8443/ready"))),
                        new EnvironmentInput("development", "development", null, new TargetInput("none", Map.of()),
                                List.of(new OverrideInput("nginx", true, null, null))),
                        new EnvironmentInput("staging", "staging", "http://127.0.0.1:8310",
                                new TargetInput("render", Map.of("serviceId", "srv-1", "deployHookSecret", "HOOK",
                                        "clearCache", "true")), null)),
                List.of(new MemberInput("carol", "viewer", null), new MemberInput("bob", "deployer", true)));
    }
}
