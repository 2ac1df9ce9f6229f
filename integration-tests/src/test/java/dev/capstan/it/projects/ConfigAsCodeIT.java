package dev.capstan.it.projects;

import dev.capstan.it.access.CallerWithRole;
import dev.capstan.it.access.RunningAsAdmin;
import dev.capstan.it.support.Deployments;
import dev.capstan.platform.ConcurrentChangeException;
import dev.capstan.platform.InvalidInputException;
import dev.capstan.projects.boundary.ProjectConfig;
import dev.capstan.projects.boundary.Projects;
import dev.capstan.projects.control.ImportPlan;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server, against PostgreSQL: the five field-notes projects import as they are
 * written, export back to the very same text, and a changed file is shown as a dry run before it
 * is applied, only as it was shown.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigAsCodeIT {

    private static final List<String> EXAMPLES = List.of("booking", "fintech", "korrigo", "mailhook", "scanner");

    @EJB
    ProjectConfig config;

    @EJB
    Projects projects;

    @EJB
    RunningAsAdmin asAdmin;

    @Deployment
    static EnterpriseArchive capstanWithTests() throws IOException {
        Path examples = Path.of(System.getProperty("capstan.test.repository", "..")).resolve("docs/examples");
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "capstan-its.war")
                .addClasses(ConfigAsCodeIT.class, CallerWithRole.class, RunningAsAdmin.class);
        EXAMPLES.forEach(name -> tests.addAsResource(examples.resolve(name + ".yaml").toFile(), "examples/" + name + ".yaml"));
        return Deployments.capstanWithTests(tests);
    }

    @Test
    void theFiveFieldNotesProjectsImportAndExportToTheSameText() throws Exception {
        for (String name : EXAMPLES) {
            String file = example(name);

            ImportPlan plan = asAdmin.call(() -> config.preview(file));
            assertTrue(plan.newProject(), name + " is new");
            assertEquals(name, plan.projectKey());
            assertTrue(plan.changes().stream().anyMatch(c -> c.summary().startsWith("add service")), name + ": " + plan.changes());

            asAdmin.call(() -> config.apply(file, plan.fingerprint()));

            assertEquals(file, asAdmin.call(() -> config.export(name)), name + " exports to the file it was imported from");
            assertTrue(asAdmin.call(() -> config.preview(file)).changesNothing(), name + ": importing it again changes nothing");
        }
        assertEquals(9, asAdmin.call(() -> projects.get("scanner")).services().size());
        assertTrue(asAdmin.call(() -> projects.get("scanner")).services().stream()
                .anyMatch(s -> s.name().equals("karton-system") && s.definition().essential()));
    }

    @Test
    void aChangedFileIsShownAsADryRunAndAppliedOnlyAsShown() throws Exception {
        String original = example("korrigo").replace("key: korrigo", "key: korrigo-copy");
        asAdmin.call(() -> config.apply(original, config.preview(original).fingerprint()));
        String changed = original.replaceFirst("(name: backend\\n(?:.*\\n)*?    deployOrder: )30", "$135");

        ImportPlan plan = asAdmin.call(() -> config.preview(changed));

        assertFalse(plan.newProject());
        assertEquals(List.of("change service backend: deployOrder 30 -> 35"),
                plan.changes().stream().map(ImportPlan.Change::summary).toList());
        assertEquals(30, asAdmin.call(() -> projects.get("korrigo-copy")).services().stream()
                .filter(s -> s.name().equals("backend")).findFirst().orElseThrow().definition().deployOrder(),
                "a dry run changes nothing");
        assertThrows(ConcurrentChangeException.class, () -> asAdmin.call(() -> config.apply(changed, "another plan")),
                "a plan other than the one shown is not applied");
        asAdmin.call(() -> config.apply(changed, plan.fingerprint()));
        assertEquals(35, asAdmin.call(() -> projects.get("korrigo-copy")).services().stream()
                .filter(s -> s.name().equals("backend")).findFirst().orElseThrow().definition().deployOrder());
    }

    @Test
    void aBadFileIsRefusedWithLinesAndColumnsAndNothingIsWritten() {
        String bad = """
                capstan: 1
                project:
                  key: broken
                  name: Broken
                services:
                  - name: web
                    kind: wrker
                    image: nginx
                """;

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> asAdmin.call(() -> config.preview(bad)));

        assertEquals("services[0].kind", refused.errors().get(0).field());
        assertTrue(refused.errors().get(0).message().startsWith("line 7, column 11: 'wrker' is not a service kind"),
                refused.errors().get(0).message());
        assertThrows(Exception.class, () -> asAdmin.call(() -> projects.get("broken")));
    }

    private static String example(String name) throws IOException {
        try (InputStream in = ConfigAsCodeIT.class.getResourceAsStream("/examples/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
