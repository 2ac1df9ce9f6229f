package dev.capstan.projects.boundary;

import dev.capstan.environments.entity.Environment;
import dev.capstan.environments.entity.EnvironmentDefinition;
import dev.capstan.projects.entity.Membership;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectPermission;
import dev.capstan.projects.entity.ProjectRole;
import dev.capstan.projects.entity.ProjectStanding;
import dev.capstan.projects.entity.Service;
import dev.capstan.projects.entity.ServiceDefinition;

import java.time.Instant;
import java.util.List;

/**
 * A whole project as its page and the API show it, with the versions an editor sends back
 * (optimistic locking) and what the caller may do with it.
 */
public record ProjectDetails(String key, String name, String description, String owningTeam, boolean archived,
                             Instant createdAt, long version, ProjectStanding standing,
                             List<ServiceView> services, List<EnvironmentView> environments, List<MemberView> members) {

    public record ServiceView(ServiceDefinition definition, long version) {
        public String name() {
            return definition.name();
        }
    }

    public record EnvironmentView(EnvironmentDefinition definition, long version) {
        public String name() {
            return definition.name();
        }
    }

    public record MemberView(String username, String displayName, ProjectRole role, boolean productionDeploys, long version) {
    }

    /** Whether the caller may change the project (buttons are shown accordingly; the server checks again). */
    public boolean maintainable() {
        return standing.allows(ProjectPermission.MAINTAIN) && !archived;
    }

    static ProjectDetails of(Project project, ProjectStanding standing) {
        return new ProjectDetails(project.key(), project.name(), project.description(), project.owningTeam(),
                project.archived(), project.createdAt(), project.version(), standing,
                project.servicesInDeployOrder().stream().map(ProjectDetails::view).toList(),
                project.environmentsInOrder().stream().map(ProjectDetails::view).toList(),
                project.membersInOrder().stream().map(ProjectDetails::view).toList());
    }

    private static ServiceView view(Service service) {
        return new ServiceView(service.definition(), service.version());
    }

    private static EnvironmentView view(Environment environment) {
        return new EnvironmentView(environment.definition(), environment.version());
    }

    private static MemberView view(Membership membership) {
        return new MemberView(membership.username(), membership.user().displayName(), membership.role(),
                membership.productionDeploys(), membership.version());
    }
}
