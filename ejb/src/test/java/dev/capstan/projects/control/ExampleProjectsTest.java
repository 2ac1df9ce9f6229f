package dev.capstan.projects.control;

import dev.capstan.environments.entity.EnvironmentInput;
import dev.capstan.projects.entity.ProjectDocument;
import dev.capstan.projects.entity.ServiceInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo projects of docs/examples, one per setup of the field notes. */
class ExampleProjectsTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    private final ProjectYaml yaml = new ProjectYaml();

    @ParameterizedTest
    @ValueSource(strings = {"scanner", "fintech", "korrigo", "mailhook", "booking"})
    void eachExampleIsValidCanonicalAndRoundTrips(String key) throws IOException {
        String text = text(key);

        ProjectDocument document = yaml.read(text);

        assertEquals(key, document.project().key());
        assertEquals(text, yaml.write(document), key + ".yaml is not in the form Capstan writes");
        assertEquals(document, yaml.read(yaml.write(document)));
        assertTrue(document.environments().stream().map(EnvironmentInput::tier).toList()
                .containsAll(List.of("staging", "production")), key + " has staging and production");
        assertTrue(document.members().isEmpty(), "demo users do not exist");
    }

    @Test
    void servicesAreCountedAsInTheFieldNotes() throws IOException {
        assertEquals(9, read("scanner").services().size());
        assertEquals(10, read("fintech").services().size());
        assertEquals(6, read("korrigo").services().size());
        assertEquals(8, read("korrigo").services().stream().mapToInt(s -> s.smokeChecks().size()).sum());
    }

    @Test
    void environmentsAreTheOnesTheReadmeLists() throws IOException {
        assertEquals(2, read("scanner").environments().size());
        assertEquals(2, read("fintech").environments().size());
        assertEquals(3, read("korrigo").environments().size());
        assertEquals(2, read("mailhook").environments().size());
        assertEquals(2, read("booking").environments().size());
    }

    @Test
    void theTaskRouterIsEssential() throws IOException {
        ServiceInput router = read("scanner").services().stream()
                .filter(s -> s.name().equals("karton-system")).findFirst().orElseThrow();

        assertEquals(Boolean.TRUE, router.essential());
    }

    @Test
    void everyBaseUrlIsItsOwnLoopbackPort() throws IOException {
        Set<String> seen = new HashSet<>();
        for (String key : List.of("scanner", "fintech", "korrigo", "mailhook", "booking")) {
            for (EnvironmentInput environment : read(key).environments()) {
                assertTrue(environment.baseUrl().matches("http://127\\.0\\.0\\.1:[0-9]+"), environment.baseUrl());
                assertTrue(seen.add(environment.baseUrl()), environment.baseUrl() + " is used twice");
            }
        }
    }

    private ProjectDocument read(String key) throws IOException {
        return yaml.read(text(key));
    }

    private static String text(String key) throws IOException {
        return Files.readString(EXAMPLES.resolve(key + ".yaml"));
    }
}
