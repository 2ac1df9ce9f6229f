package dev.capstan.projects.entity;

import dev.capstan.access.entity.GlobalRole;

import java.util.Optional;
import java.util.Set;

/**
 * Where a caller stands towards one project, from their global roles and their membership. The
 * one place that answers "may they?" for project operations.
 */
public enum ProjectStanding {
    ADMIN, AUDITOR, MAINTAINER, DEPLOYER, VIEWER,
    /** Signed in, not a member: may not even learn that the project exists. */
    NONE;

    public static ProjectStanding of(Set<GlobalRole> globalRoles, Optional<ProjectRole> membership) {
        if (globalRoles.contains(GlobalRole.ADMIN)) {
            return ADMIN;
        }
        if (membership.isPresent()) {
            return switch (membership.get()) {
                case MAINTAINER -> MAINTAINER;
                case DEPLOYER -> globalRoles.contains(GlobalRole.AUDITOR) ? AUDITOR : DEPLOYER;
                case VIEWER -> globalRoles.contains(GlobalRole.AUDITOR) ? AUDITOR : VIEWER;
            };
        }
        return globalRoles.contains(GlobalRole.AUDITOR) ? AUDITOR : NONE;
    }

    public boolean allows(ProjectPermission permission) {
        return switch (permission) {
            case READ -> this != NONE;
            case MAINTAIN -> this == ADMIN || this == MAINTAINER;
        };
    }

    /** Whether they may know the project exists (else a refusal reads "not found"). */
    public boolean mayKnow() {
        return allows(ProjectPermission.READ);
    }

    /** Administrators and users create projects (and become their first maintainer); auditors only read. */
    public static boolean mayCreateProjects(Set<GlobalRole> globalRoles) {
        return globalRoles.contains(GlobalRole.ADMIN) || globalRoles.contains(GlobalRole.USER);
    }
}
