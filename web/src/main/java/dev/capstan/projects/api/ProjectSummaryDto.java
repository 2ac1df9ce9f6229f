package dev.capstan.projects.api;

import dev.capstan.platform.Codes;
import dev.capstan.projects.boundary.ProjectSummary;

import java.time.Instant;

/** A project in a list: how many services and environments it has, where the caller stands. */
public record ProjectSummaryDto(String key, String name, String owningTeam, boolean archived, int services,
                                int environments, Instant createdAt, String standing) {

    static ProjectSummaryDto of(ProjectSummary project) {
        return new ProjectSummaryDto(project.key(), project.name(), project.owningTeam(), project.archived(),
                project.services(), project.environments(), project.createdAt(), Codes.code(project.standing()));
    }
}
