package dev.capstan.projects.api;

import dev.capstan.environments.api.EnvironmentDto;
import dev.capstan.platform.Codes;
import dev.capstan.projects.boundary.ProjectDetails;

import java.time.Instant;
import java.util.List;

/**
 * A whole project: its fields, services, environments and members, the version to send back with
 * a change, and where the caller stands ({@code standing}: admin, auditor, maintainer, deployer,
 * viewer) and whether they may change it.
 */
public record ProjectDto(String key, String name, String description, String owningTeam, boolean archived,
                         Instant createdAt, long version, String standing, boolean maintainable,
                         List<ServiceDto> services, List<EnvironmentDto> environments, List<MemberDto> members) {

    static ProjectDto of(ProjectDetails project) {
        return new ProjectDto(project.key(), project.name(), project.description(), project.owningTeam(), project.archived(),
                project.createdAt(), project.version(), Codes.code(project.standing()), project.maintainable(),
                project.services().stream().map(ServiceDto::of).toList(),
                project.environments().stream().map(EnvironmentDto::of).toList(),
                project.members().stream().map(MemberDto::of).toList());
    }
}
