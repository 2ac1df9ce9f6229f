package dev.capstan.projects.api;

import dev.capstan.platform.Codes;
import dev.capstan.projects.boundary.ProjectDetails;

/**
 * A membership: the user, their role (maintainer, deployer, viewer), whether they may deploy to
 * production, and the version to send back with a change. The display name is read-only.
 */
public record MemberDto(String username, String displayName, String role, Boolean productionDeploys, Long version) {

    static MemberDto of(ProjectDetails.MemberView view) {
        return new MemberDto(view.username(), view.displayName(), Codes.code(view.role()), view.productionDeploys(), view.version());
    }
}
