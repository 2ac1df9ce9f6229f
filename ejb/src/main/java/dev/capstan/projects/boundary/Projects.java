package dev.capstan.projects.boundary;

import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.boundary.Audited;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.ConcurrentChangeException;
import dev.capstan.projects.control.Caller;
import dev.capstan.projects.control.ProjectDirectory;
import dev.capstan.projects.control.ProjectFilter;
import dev.capstan.projects.control.ProjectGuard;
import dev.capstan.projects.control.ProjectSort;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectInput;
import dev.capstan.projects.entity.ProjectPermission;
import dev.capstan.projects.entity.ProjectRole;
import dev.capstan.projects.entity.ProjectStanding;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Map;

/**
 * Projects: list those the caller may see, read one, create, describe, archive. Every operation
 * is authorised by {@link ProjectGuard} and every change audited with its before and after.
 */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class Projects {

    @Inject
    ProjectDirectory directory;

    @Inject
    ProjectGuard guard;

    @Inject
    UserDirectory users;

    @Inject
    Clock clock;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext session;

    /**
     * Administrators and auditors see every project; everyone else the projects they are a member of.
     * A read, yet REQUIRED rather than SUPPORTS: it walks each project's lazy collections (members for
     * the standing, services and environments for the counts), which needs the persistence context
     * open for the whole call. Without a transaction WildFly detaches query results at once
     * (LazyInitializationException when a page calls it).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ProjectPage page(ProjectFilter filter, ProjectSort sort, int first, int size) {
        Caller caller = Caller.of(session);
        boolean everything = caller.roles().contains(GlobalRole.ADMIN) || caller.roles().contains(GlobalRole.AUDITOR);
        return new ProjectPage(directory.page(filter, everything, caller.username(), sort, first, Math.min(size, 500)).stream()
                .map(project -> ProjectSummary.of(project, guard.standing(caller, project))).toList(),
                directory.count(filter, everything, caller.username()));
    }

    /** A read, REQUIRED for the same reason as {@link #page}: the details walk every collection of the project. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ProjectDetails get(String key) {
        Caller caller = Caller.of(session);
        Project project = guard.require(caller, key, ProjectPermission.READ, "project.read");
        return ProjectDetails.of(project, guard.standing(caller, project));
    }

    /** A new project; a creator who is not an administrator becomes its first maintainer. */
    @Audited(value = "project.created", target = "project")
    public ProjectDetails create(ProjectInput input) {
        Caller caller = Caller.of(session);
        if (!ProjectStanding.mayCreateProjects(caller.roles())) {
            throw guard.refuse("project.created", "auditors read, they do not create",
                    "Auditors read projects; creating one takes the USER or ADMIN role.");
        }
        Project project = Project.create(input, clock.instant());
        if (directory.exists(project.key())) {
            throw new BusinessRuleException("key", "A project with the key " + project.key() + " exists already.");
        }
        if (!caller.roles().contains(GlobalRole.ADMIN)) {
            project.addMember(users.getByUsername(caller.username()), ProjectRole.MAINTAINER, true);
        }
        directory.add(project);
        audit.record(event("project.created", project).with(AuditDetails.none()
                .changes(Map.of(), project.describeFields())
                .with("members", project.membersInOrder().stream().map(m -> m.username() + " " + m.role()).toList())));
        return ProjectDetails.of(project, guard.standing(caller, project));
    }

    /** New name, description and team, if nobody changed them since {@code version}. */
    @Audited(value = "project.updated", target = "project")
    public ProjectDetails describe(String key, ProjectInput input, long version) {
        Caller caller = Caller.of(session);
        Project project = guard.requireForChange(caller, key, "project.updated");
        ConcurrentChangeException.check("Project " + project.key(), version, project.version());
        Map<String, Object> before = project.describeFields();
        project.describe(input);
        directory.flush();
        AuditDetails changes = AuditDetails.none().changes(before, project.describeFields());
        if (changes.hasChanges()) {
            audit.record(event("project.updated", project).with(changes));
        }
        return ProjectDetails.of(project, guard.standing(caller, project));
    }

    /** An archived project stays readable and changes nothing until it is unarchived. */
    @Audited(value = "project.archived", target = "project")
    public void archive(String key) {
        Project project = guard.requireForChange(Caller.of(session), key, "project.archived");
        project.archive();
        audit.record(event("project.archived", project).with(AuditDetails.none().changed("archived", false, true)));
    }

    @Audited(value = "project.unarchived", target = "project")
    public void unarchive(String key) {
        Project project = guard.requireForChange(Caller.of(session), key, "project.unarchived");
        project.unarchive();
        audit.record(event("project.unarchived", project).with(AuditDetails.none().changed("archived", true, false)));
    }

    static AuditEvent event(String action, Project project) {
        return AuditEvent.of(action).on("project", project.id(), project.key()).in(project.key(), null);
    }
}
