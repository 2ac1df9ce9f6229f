package dev.capstan.projects.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.platform.ConcurrentChangeException;
import dev.capstan.projects.control.AuditedChange;
import dev.capstan.projects.control.Caller;
import dev.capstan.projects.control.ImportGate;
import dev.capstan.projects.control.ImportPlan;
import dev.capstan.projects.control.PlanSeal;
import dev.capstan.projects.control.ProjectDirectory;
import dev.capstan.projects.control.ProjectGuard;
import dev.capstan.projects.control.ProjectImporter;
import dev.capstan.projects.control.ProjectPart;
import dev.capstan.projects.control.ProjectYaml;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectDocument;
import dev.capstan.projects.entity.ProjectPermission;
import dev.capstan.projects.entity.ProjectStanding;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Config as code: a project exported as YAML, and YAML imported as a project (created or
 * updated). An import is shown as a dry run first; applying checks that the plan is still the
 * one that was shown.
 */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class ProjectConfig {

    private static final String IMPORTED = "project.imported";

    @Inject
    ProjectGuard guard;

    @Inject
    ProjectDirectory directory;

    @Inject
    ProjectImporter importer;

    @Inject
    AuditedChange changes;

    @Inject
    PlanSeal seal;

    @Inject
    ImportGate gate;

    @Resource
    SessionContext session;

    private final ProjectYaml yaml = new ProjectYaml();

    /** The project as YAML: services, environments, targets (secrets by name only), members by user name. */
    public String export(String key) {
        Project project = guard.require(Caller.of(session), key, ProjectPermission.READ, "project.exported");
        return yaml.write(project.toDocument());
    }

    /** The dry run: what importing {@code text} would change. Changes nothing. */
    public ImportPlan preview(String text) {
        return gate.through(session.getCallerPrincipal().getName(), () -> {
            ProjectDocument document = yaml.read(text);
            authorise(document, false);
            return seal.seal(importer.plan(document, creator()), Caller.of(session));
        });
    }

    /** Applies {@code text}, if its plan is still the one with {@code fingerprint} that the person saw, in this session. */
    public ImportPlan apply(String text, String fingerprint) {
        return gate.through(session.getCallerPrincipal().getName(), () -> applyNow(text, fingerprint));
    }

    private ImportPlan applyNow(String text, String fingerprint) {
        ProjectDocument document = changes.run(IMPORTED, ProjectPart.Subject.UNKNOWN, work -> yaml.read(text));
        String key = keyOf(document);
        return changes.run(IMPORTED, ProjectPart.PROJECT.named(key, key), work -> {
            authorise(document, true);
            ImportPlan plan = seal.seal(importer.plan(document, creator()), Caller.of(session));
            if (!MessageDigest.isEqual(plan.fingerprint().getBytes(StandardCharsets.UTF_8), fingerprint.getBytes(StandardCharsets.UTF_8))) {
                throw new ConcurrentChangeException("Project " + plan.projectKey());
            }
            Project project = importer.apply(document, creator(), work);
            work.record(project, AuditDetails.none().with("changesApplied", plan.changes().size()).with("created", plan.newProject()));
            return plan;
        });
    }

    /**
     * Checks the caller may import the document: maintainers into their project, creators of
     * projects for a new one.
     */
    private void authorise(ProjectDocument document, boolean locking) {
        Caller caller = Caller.of(session);
        String key = keyOf(document);
        if (directory.exists(key)) {
            if (locking) {
                guard.requireForChange(caller, key, IMPORTED);
            } else {
                guard.require(caller, key, ProjectPermission.MAINTAIN, IMPORTED);
            }
        } else if (!ProjectStanding.mayCreateProjects(caller.roles())) {
            throw guard.refuse(IMPORTED, "auditors read, they do not create",
                    "Auditors read projects; importing a new one takes the USER or ADMIN role.");
        }
    }

    private static String keyOf(ProjectDocument document) {
        return document.project().key() == null ? "" : document.project().key().strip().toLowerCase(Locale.ROOT);
    }

    /** Who becomes the first maintainer of a project the import creates: the caller, unless an administrator. */
    private String creator() {
        return session.isCallerInRole(GlobalRole.ADMIN_NAME) ? null : session.getCallerPrincipal().getName();
    }
}
