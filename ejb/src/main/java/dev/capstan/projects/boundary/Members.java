package dev.capstan.projects.boundary;

import java.util.Locale;
import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.User;
import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.boundary.Audited;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.ConcurrentChangeException;
import dev.capstan.projects.control.Caller;
import dev.capstan.projects.control.ProjectDirectory;
import dev.capstan.projects.control.ProjectGuard;
import dev.capstan.projects.entity.Membership;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectRole;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Map;

/** Who belongs to a project and with which role: maintainers and administrators decide. */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class Members {

    @Inject
    ProjectGuard guard;

    @Inject
    ProjectDirectory directory;

    @Inject
    UserDirectory users;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext session;

    @Audited(value = "member.added", target = "project")
    public ProjectDetails.MemberView add(String projectKey, String username, ProjectRole role, boolean productionDeploys) {
        Project project = guard.requireForChange(Caller.of(session), projectKey, "member.added");
        User user = users.findByUsername(username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new BusinessRuleException("username", "There is no user named " + username + "."));
        Membership membership = project.addMember(user, role, productionDeploys);
        directory.flush();
        audit.record(event("member.added", project, membership).with(AuditDetails.none().changes(Map.of(), membership.describe())));
        return view(membership);
    }

    @Audited(value = "member.changed", target = "project")
    public ProjectDetails.MemberView change(String projectKey, String username, ProjectRole role, boolean productionDeploys, long version) {
        Project project = guard.requireForChange(Caller.of(session), projectKey, "member.changed");
        Membership membership = project.membership(username);
        ConcurrentChangeException.check("The membership of " + username, version, membership.version());
        Map<String, Object> before = membership.describe();
        project.changeMember(username, role, productionDeploys);
        directory.flush();
        AuditDetails changes = AuditDetails.none().changes(before, membership.describe());
        if (changes.hasChanges()) {
            audit.record(event("member.changed", project, membership).with(changes));
        }
        return view(membership);
    }

    @Audited(value = "member.removed", target = "project")
    public void remove(String projectKey, String username) {
        Project project = guard.requireForChange(Caller.of(session), projectKey, "member.removed");
        Membership membership = project.membership(username);
        Map<String, Object> before = membership.describe();
        project.removeMember(username);
        directory.flush();
        audit.record(event("member.removed", project, membership).with(AuditDetails.none().changes(before, Map.of())));
    }

    private static ProjectDetails.MemberView view(Membership membership) {
        return new ProjectDetails.MemberView(membership.username(), membership.user().displayName(), membership.role(),
                membership.productionDeploys(), membership.version());
    }

    private static AuditEvent event(String action, Project project, Membership membership) {
        return AuditEvent.of(action).on("user", membership.user().id(), membership.username()).in(project.key(), null);
    }
}
