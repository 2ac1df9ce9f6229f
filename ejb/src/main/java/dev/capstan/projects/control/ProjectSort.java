package dev.capstan.projects.control;

import java.util.Map;

/** A sort order the projects list may ask for; only known columns reach the query. */
public record ProjectSort(String column, boolean ascending) {

    private static final Map<String, String> FIELDS = Map.of(
            "key", "p.key",
            "name", "lower(p.name)",
            "owningTeam", "lower(p.owningTeam)",
            "createdAt", "p.createdAt");

    public static final ProjectSort DEFAULT = new ProjectSort("key", true);

    /** The sort asked for, or the default when the column is not one a project can be sorted by. */
    public static ProjectSort of(String column, boolean ascending) {
        return column == null || !FIELDS.containsKey(column) ? DEFAULT : new ProjectSort(column, ascending);
    }

    public static boolean sortsBy(String column) {
        return FIELDS.containsKey(column);
    }

    String orderBy() {
        return FIELDS.get(column) + (ascending ? " asc" : " desc");
    }
}
