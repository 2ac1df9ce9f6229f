package dev.capstan.projects.boundary;

import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.User;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.projects.control.AuditedChange;
import dev.capstan.projects.control.Caller;
import dev.capstan.projects.entity.Membership;
import dev.capstan.projects.entity.ProjectRole;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Locale;

import static dev.capstan.projects.control.ProjectPart.MEMBER;

/** Who belongs to a project and with which role: maintainers and administrators decide. */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class Members {

    @Inject
    AuditedChange changes;

    @Inject
    UserDirectory users;

    @Resource
    SessionContext session;

    public ProjectDetails.MemberView add(String projectKey, String username, ProjectRole role, boolean productionDeploys) {
        return view(changes.add(Caller.of(session), "member.added", MEMBER, projectKey, username, project -> {
            if (username == null || username.isBlank()) {
                throw new BusinessRuleException("username", "Choose the user to add.");
            }
            User user = users.findByUsername(username.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new BusinessRuleException("username", "There is no user named " + username.strip() + "."));
            return project.addMember(user, role, productionDeploys);
        }));
    }

    public ProjectDetails.MemberView change(String projectKey, String username, ProjectRole role, boolean productionDeploys, long version) {
        return view(changes.update(Caller.of(session), "member.changed", MEMBER, projectKey, username, version,
                project -> project.changeMember(username, role, productionDeploys)));
    }

    public void remove(String projectKey, String username) {
        changes.remove(Caller.of(session), "member.removed", MEMBER, projectKey, username, project -> project.removeMember(username));
    }

    private static ProjectDetails.MemberView view(Membership membership) {
        return new ProjectDetails.MemberView(membership.username(), membership.user().displayName(), membership.role(),
                membership.productionDeploys(), membership.version());
    }
}
