package dev.capstan.projects.entity;

import dev.capstan.environments.entity.EnvironmentInput;

import java.util.List;

/**
 * A whole project as one document: what config as code exports and imports (YAML), and what the
 * demo data is made of. Secret values never appear in it; targets name secrets.
 */
public record ProjectDocument(ProjectInput project, boolean archived, List<ServiceInput> services,
                              List<EnvironmentInput> environments, List<MemberInput> members) {

    /** The format version written in each file's {@code capstan:} line. */
    public static final int FORMAT_VERSION = 1;

    public ProjectDocument {
        services = List.copyOf(services);
        environments = List.copyOf(environments);
        members = List.copyOf(members);
    }
}
