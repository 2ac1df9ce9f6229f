package dev.capstan.access.control;

import java.util.Map;

/** A sort order the Users page may ask for; only known columns reach the query. */
public record UserSort(String column, boolean ascending) {

    private static final Map<String, String> FIELDS = Map.of(
            "username", "username",
            "displayName", "displayName",
            "enabled", "enabled",
            "createdAt", "createdAt",
            "lastSignInAt", "lastSignInAt");

    public static final UserSort DEFAULT = new UserSort("username", true);

    public UserSort {
        if (!FIELDS.containsKey(column)) {
            throw new IllegalArgumentException("users cannot be sorted by " + column);
        }
    }

    public static UserSort of(String column, boolean ascending) {
        return column == null || !FIELDS.containsKey(column) ? DEFAULT : new UserSort(column, ascending);
    }

    String field() {
        return FIELDS.get(column);
    }
}
