package dev.capstan.projects.boundary;

import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.projects.control.AuditedChange;
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
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static dev.capstan.projects.control.ProjectPart.PROJECT;

/**
 * Projects: list those the caller may see, read one, create, describe, archive. Every operation
 * is authorised by {@link ProjectGuard} and every change audited with its before and after.
 * Reads run in a transaction too: a project's services, environments and members load lazily.
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

    @Inject
    AuditedChange changes;

    @Resource
    SessionContext session;

    /** Administrators and auditors see every project; everyone else the projects they are a member of. */
    public ProjectPage page(ProjectFilter filter, ProjectSort sort, int first, int size) {
        Caller caller = Caller.of(session);
        boolean everything = caller.roles().contains(GlobalRole.ADMIN) || caller.roles().contains(GlobalRole.AUDITOR);
        return new ProjectPage(directory.page(filter, everything, caller.username(), sort, first, Math.min(size, 500)).stream()
                .map(project -> ProjectSummary.of(project, ProjectStanding.of(caller.roles(), Optional.ofNullable(project.viewerRole()))))
                .toList(),
                directory.count(filter, everything, caller.username()));
    }

    public ProjectDetails get(String key) {
        Caller caller = Caller.of(session);
        Project project = guard.require(caller, key, ProjectPermission.READ, "project.read");
        return ProjectDetails.of(project, guard.standing(caller, project));
    }

    /** A new project; a creator who is not an administrator becomes its first maintainer. */
    public ProjectDetails create(ProjectInput input) {
        Caller caller = Caller.of(session);
        Project project = changes.run("project.created", PROJECT.named(input.key(), input.key()), work -> {
            if (!ProjectStanding.mayCreateProjects(caller.roles())) {
                throw work.deny("auditors read, they do not create", "Auditors read projects; creating one takes the USER or ADMIN role.");
            }
            Project created = Project.create(input, clock.instant());
            if (directory.exists(created.key())) {
                throw new BusinessRuleException("key", "A project with the key " + created.key() + " exists already.");
            }
            if (!caller.roles().contains(GlobalRole.ADMIN)) {
                created.addMember(users.getByUsername(caller.username()), ProjectRole.MAINTAINER, true);
            }
            directory.add(created);
            work.record(created, AuditDetails.none().changes(Map.of(), created.describeFields())
                    .with("members", created.membersInOrder().stream().map(m -> m.username() + " " + m.role()).toList()));
            return created;
        });
        return ProjectDetails.of(project, guard.standing(caller, project));
    }

    /** New name, description and team, if nobody changed them since {@code version}. */
    public ProjectDetails describe(String key, ProjectInput input, long version) {
        Caller caller = Caller.of(session);
        Project project = changes.update(caller, "project.updated", PROJECT, key, key, version, p -> p.describe(input));
        return ProjectDetails.of(project, guard.standing(caller, project));
    }

    /** An archived project stays readable and changes nothing until it is unarchived. */
    public void archive(String key) {
        changes.update(Caller.of(session), "project.archived", PROJECT, key, key, Project::archive);
    }

    public void unarchive(String key) {
        changes.update(Caller.of(session), "project.unarchived", PROJECT, key, key, Project::unarchive);
    }
}
