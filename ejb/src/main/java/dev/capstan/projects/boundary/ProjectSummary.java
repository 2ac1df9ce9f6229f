package dev.capstan.projects.boundary;

import dev.capstan.projects.control.ProjectDirectory;
import dev.capstan.projects.entity.ProjectStanding;

import java.time.Instant;

/** A project as the projects list shows it. */
public record ProjectSummary(String key, String name, String owningTeam, boolean archived, int services,
                             int environments, Instant createdAt, ProjectStanding standing) {

    static ProjectSummary of(ProjectDirectory.ListedProject project, ProjectStanding standing) {
        return new ProjectSummary(project.key(), project.name(), project.owningTeam(), project.archived(),
                (int) project.services(), (int) project.environments(), project.createdAt(), standing);
    }
}
