package dev.capstan.projects.control;

import java.util.Locale;
import java.util.Optional;
import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.platform.AccessDeniedException;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.NotFoundException;
import dev.capstan.projects.entity.Membership;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectPermission;
import dev.capstan.projects.entity.ProjectStanding;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The one place project operations are authorised. Each boundary operation names the action it
 * performs and the permission it needs; a refusal is audited as DENIED, then answered "not
 * allowed" to someone who may see the project and "not found" to someone who may not.
 */
@Dependent
public class ProjectGuard {

    @Inject
    ProjectDirectory directory;

    @EJB
    AuditTrail audit;

    /** The project, loaded for reading, if {@code caller} holds {@code permission} in it. */
    public Project require(Caller caller, String key, ProjectPermission permission, String action) {
        return check(caller, directory.find(normalized(key)), key, permission, action);
    }

    /** As {@link #require}, with the project's row locked for a change. */
    public Project requireForChange(Caller caller, String key, String action) {
        return check(caller, directory.findForUpdate(normalized(key)), key, ProjectPermission.MAINTAIN, action);
    }

    public ProjectStanding standing(Caller caller, Project project) {
        return ProjectStanding.of(caller.roles(), project.findMembership(caller.username()).map(Membership::role));
    }

    /** Records a refusal that happened before any project was involved, e.g. an auditor creating one. */
    public BusinessRuleException refuse(String action, String reason, String message) {
        audit.recordRefusal(AuditEvent.of(action), AuditOutcome.DENIED, reason);
        return AccessDeniedException.forbidden(message);
    }

    private Project check(Caller caller, Optional<Project> found, String key, ProjectPermission permission, String action) {
        Project project = found.orElseThrow(() -> notFound(key));
        ProjectStanding standing = standing(caller, project);
        if (standing.allows(permission)) {
            return project;
        }
        audit.recordRefusal(AuditEvent.of(action).on("project", project.id(), project.key()).in(project.key(), null),
                AuditOutcome.DENIED, "standing " + standing + " lacks " + permission);
        if (!standing.mayKnow()) {
            throw AccessDeniedException.concealed(notFound(key).getMessage());
        }
        throw AccessDeniedException.forbidden("You may read project " + project.key()
                + " but not change it: that takes its maintainers or an administrator.");
    }

    private static String normalized(String key) {
        return key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
    }

    private static NotFoundException notFound(String key) {
        return new NotFoundException("There is no project " + (key == null ? "" : key.strip()) + " that you can see.");
    }
}
