package dev.capstan.projects.boundary;

import dev.capstan.audit.entity.Actor;
import dev.capstan.platform.InvalidInputException;
import dev.capstan.platform.Settings;
import dev.capstan.projects.control.AuditedChange;
import dev.capstan.projects.control.ProjectDirectory;
import dev.capstan.projects.control.ProjectImporter;
import dev.capstan.projects.control.ProjectPart;
import dev.capstan.projects.control.ProjectYaml;
import dev.capstan.projects.entity.ProjectDocument;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Loads the demo projects (the five field-notes systems, {@code docs/examples/*.yaml}) when
 * {@code CAPSTAN_DEMO_DATA} names their directory ({@code ./capstan run --demo} sets it). A
 * project that exists already is left alone, so restarts change nothing. The audit trail records
 * the loads as the system job {@code demo-data}.
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigrator", "FirstAdminBootstrap"})
@DenyAll
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    static final Actor ACTOR = Actor.system("demo-data");

    @Inject
    ProjectImporter importer;

    @Inject
    ProjectDirectory directory;

    @Inject
    AuditedChange changes;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void loadIfAsked() {
        Settings.text("capstan.demo-data").map(Path::of).ifPresent(this::load);
    }

    private void load(Path folder) {
        ProjectYaml yaml = new ProjectYaml();
        for (Path file : files(folder)) {
            ProjectDocument document;
            try {
                document = yaml.read(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read demo project " + file, e);
            } catch (InvalidInputException invalid) {
                throw new IllegalStateException("Demo project " + file + " is not valid: " + invalid.getMessage());
            }
            if (directory.exists(document.project().key())) {
                continue;
            }
            String key = document.project().key();
            changes.runAs(ACTOR, "project.imported", ProjectPart.PROJECT.named(key, key), work -> importer.apply(document, null, work));
            LOG.info(() -> "Demo project " + document.project().key() + " loaded from " + file.getFileName());
        }
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("CAPSTAN_DEMO_DATA names " + folder + ", which is not a directory");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list demo projects in " + folder, e);
        }
    }
}
