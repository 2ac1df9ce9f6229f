package dev.capstan.projects.entity;

import dev.capstan.platform.Violations;

/** A project's own fields as a person wrote them. The key is fixed once the project exists. */
public record ProjectInput(String key, String name, String description, String owningTeam) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_TEAM = 200;

    /** The checked key, or a problem under {@code key}. */
    String checkedKey(Violations violations) {
        return violations.attempt("key", () -> Slug.of("key", "project key", key));
    }

    /** Name, description and team, checked; problems go to {@code violations}. */
    String[] checkedFields(Violations violations) {
        String checkedName = name == null ? "" : name.strip();
        violations.check(!checkedName.isEmpty(), "name", "Enter the project's name.");
        violations.check(checkedName.length() <= MAX_NAME, "name", "A name has at most " + MAX_NAME + " characters.");
        String checkedDescription = description == null || description.isBlank() ? null : description.strip();
        violations.check(checkedDescription == null || checkedDescription.length() <= MAX_DESCRIPTION, "description",
                "A description has at most " + MAX_DESCRIPTION + " characters.");
        String checkedTeam = owningTeam == null || owningTeam.isBlank() ? null : owningTeam.strip();
        violations.check(checkedTeam == null || checkedTeam.length() <= MAX_TEAM, "owningTeam",
                "A team name has at most " + MAX_TEAM + " characters.");
        return new String[]{checkedName, checkedDescription, checkedTeam};
    }
}
