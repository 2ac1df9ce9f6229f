package dev.capstan.it.projects;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.Browser;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Config as code in Chromium: a user uploads a field-notes project file, sees the dry run, applies
 * it, becomes the new project's maintainer, and downloads the same file back.
 */
class ProjectImportPageIT extends PortalTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("capstan.test.repository", "..")).resolve("docs/examples");

    @Test
    void aUserImportsAFieldNotesProjectAfterADryRunAndExportsItBack() throws Exception {
        String file = Files.readString(EXAMPLES.resolve("korrigo.yaml")).replace("key: korrigo", "key: korrigo-imported");
        Path upload = Files.writeString(Files.createTempFile(Path.of("target"), "korrigo-", ".yaml"), file).toAbsolutePath();
        Path bad = Files.writeString(Files.createTempFile(Path.of("target"), "bad-", ".yaml"),
                file.replace("kind: scheduler", "kind: schedulr")).toAbsolutePath();
        TestDatabase.createUser("ivy-importer", "ivy-importer-password", GlobalRole.USER);

        try (Browser browser = new Browser(base)) {
            browser.signIn("ivy-importer", "ivy-importer-password");
            browser.waitForUrlEnding("/index.xhtml");
            browser.open("/projects/import.xhtml");
            browser.type(By.id("source:yaml"), "capstan: 1\nproject:\n  key: typed");
            assertEquals("1\n2\n3", browser.waitFor(By.cssSelector(".code-editor .line-numbers")).getText().strip(),
                    "the editor numbers its lines, which errors cite");
            browser.screenshot("import-editor");

            browser.waitFor(By.id("source:upload")).sendKeys(bad.toString());
            browser.click(By.id("source:preview"));
            String refused = browser.waitForTextIn(By.id("source:messages"), "schedulr");
            assertTrue(refused.contains("services[4].kind: line "), refused);
            assertTrue(refused.contains("'schedulr' is not a service kind"), refused);

            browser.waitFor(By.id("source:upload")).sendKeys(upload.toString());
            browser.click(By.id("source:preview"));
            String plan = browser.waitForTextIn(By.id("plan"), "New project korrigo-imported");
            assertTrue(plan.contains("service backend"), plan);
            assertTrue(plan.contains("environment production"), plan);
            assertTrue(plan.contains("member ivy-importer"), "the importer becomes its maintainer: " + plan);
            browser.screenshot("import-dry-run");

            browser.click(By.id("plan:apply"));
            browser.waitForUrlEnding("/projects/project.xhtml?key=korrigo-imported");
            browser.waitForText(By.cssSelector(".ui-growl"), "Project korrigo-imported imported:");
            assertFalse(browser.pageText().contains("Exception"));

            browser.click(By.id("config:download"));
            String exported = Files.readString(browser.waitForDownload(), StandardCharsets.UTF_8);
            assertEquals(file + "members:\n  - username: ivy-importer\n    role: maintainer\n    productionDeploys: true\n", exported,
                    "the download is the uploaded file, plus the importer as maintainer");
        }
    }
}
