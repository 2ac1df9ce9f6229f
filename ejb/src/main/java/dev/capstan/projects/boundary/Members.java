package dev.capstan.projects.boundary;

import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.control.UserFilter;
import dev.capstan.access.control.UserSort;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.User;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.projects.control.AuditedChange;
import dev.capstan.projects.control.Caller;
import dev.capstan.projects.control.ProjectGuard;
import dev.capstan.projects.entity.Membership;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectPermission;
import dev.capstan.projects.entity.ProjectRole;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.capstan.projects.control.ProjectPart.MEMBER;

/** Who belongs to a project and with which role: maintainers and administrators decide. */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class Members {

    @Inject
    AuditedChange changes;

    @Inject
    UserDirectory users;

    @Inject
    ProjectGuard guard;

    @Resource
    SessionContext session;

    /** A user who could be added: their user name and display name. */
    public record Candidate(String username, String displayName) {
    }

    /**
     * Up to {@value #CANDIDATES} enabled users, not members yet, whose user name or display name
     * contains {@code text}: what the add-member field suggests. For those who may add members. In a
     * transaction of its own, as the project's members are read lazily.
     */
    public List<Candidate> candidates(String projectKey, String text) {
        Project project = guard.require(Caller.of(session), projectKey, ProjectPermission.MAINTAIN, "member.added");
        Set<String> members = project.membersInOrder().stream().map(Membership::username).collect(Collectors.toSet());
        UserFilter filter = new UserFilter(Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty()), Optional.empty(),
                Optional.of(true));
        return users.page(filter, UserSort.DEFAULT, 0, CANDIDATES + members.size()).stream()
                .filter(user -> !members.contains(user.username())).limit(CANDIDATES)
                .map(user -> new Candidate(user.username(), user.displayName())).toList();
    }

    static final int CANDIDATES = 10;

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
