package dev.capstan.projects.api;

import dev.capstan.projects.entity.ProjectInput;

/**
 * A project's own fields, as a client creates or changes them. The key is fixed once the project
 * exists; {@code version} is the one the client loaded, required for a change.
 */
public record ProjectFieldsDto(String key, String name, String description, String owningTeam, Long version) {

    ProjectInput toInput() {
        return new ProjectInput(key, name, description, owningTeam);
    }
}
