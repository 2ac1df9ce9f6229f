package dev.capstan.projects.boundary;

import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectStanding;

import java.time.Instant;

/** A project as the projects list shows it. */
public record ProjectSummary(String key, String name, String owningTeam, boolean archived, int services,
                             int environments, Instant createdAt, ProjectStanding standing) {

    static ProjectSummary of(Project project, ProjectStanding standing) {
        return new ProjectSummary(project.key(), project.name(), project.owningTeam(), project.archived(),
                project.servicesInDeployOrder().size(), project.environmentsInOrder().size(), project.createdAt(), standing);
    }
}
