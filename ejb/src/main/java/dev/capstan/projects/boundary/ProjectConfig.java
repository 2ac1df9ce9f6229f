package dev.capstan.projects.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.boundary.Audited;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.platform.ConcurrentChangeException;
import dev.capstan.projects.control.Caller;
import dev.capstan.projects.control.ImportPlan;
import dev.capstan.projects.control.ProjectDirectory;
import dev.capstan.projects.control.ProjectGuard;
import dev.capstan.projects.control.ProjectImporter;
import dev.capstan.projects.control.ProjectYaml;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectDocument;
import dev.capstan.projects.entity.ProjectPermission;
import dev.capstan.projects.entity.ProjectStanding;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * Config as code: a project exported as YAML, and YAML imported as a project (created or
 * updated). An import is shown as a dry run first; applying checks that the plan is still the
 * one that was shown.
 */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class ProjectConfig {

    @Inject
    ProjectGuard guard;

    @Inject
    ProjectDirectory directory;

    @Inject
    ProjectImporter importer;

    @EJB
    AuditTrail audit;

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
        ProjectDocument document = authorised(text, false);
        return importer.plan(document, creator());
    }

    /** Applies {@code text}, if its plan is still the one with {@code fingerprint} that the person saw. */
    @Audited(value = "project.imported", target = "project")
    public ImportPlan apply(String text, String fingerprint) {
        ProjectDocument document = authorised(text, true);
        ImportPlan plan = importer.plan(document, creator());
        if (!plan.fingerprint().equals(fingerprint)) {
            throw new ConcurrentChangeException("Project " + plan.projectKey());
        }
        Project project = importer.apply(document, creator(), audit::record);
        audit.record(AuditEvent.of("project.imported").on("project", project.id(), project.key()).in(project.key(), null)
                .with(AuditDetails.none().with("changesApplied", plan.changes().size()).with("created", plan.newProject())));
        return plan;
    }

    /**
     * Reads the document and checks the caller may import it: maintainers into their project,
     * creators of projects for a new one.
     */
    private ProjectDocument authorised(String text, boolean locking) {
        String action = "project.imported";
        ProjectDocument document = yaml.read(text);
        Caller caller = Caller.of(session);
        String key = document.project().key() == null ? "" : document.project().key().strip().toLowerCase(Locale.ROOT);
        if (directory.exists(key)) {
            if (locking) {
                guard.requireForChange(caller, key, action);
            } else {
                guard.require(caller, key, ProjectPermission.MAINTAIN, action);
            }
        } else if (!ProjectStanding.mayCreateProjects(caller.roles())) {
            throw guard.refuse(action, "auditors read, they do not create",
                    "Auditors read projects; importing a new one takes the USER or ADMIN role.");
        }
        return document;
    }

    /** Who becomes the first maintainer of a project the import creates: the caller, unless an administrator. */
    private String creator() {
        return session.isCallerInRole(GlobalRole.ADMIN_NAME) ? null : session.getCallerPrincipal().getName();
    }
}
