package dev.capstan.platform.api;

import dev.capstan.platform.Violations;

/**
 * Query parameters read as text and checked here: JAX-RS answers a query parameter it cannot
 * convert with 404, which would tell the caller the wrong thing.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code true} or {@code false}; absent or empty means {@code false}. */
    public static boolean flag(String text, String field, Violations violations) {
        if (text == null || text.isBlank()) {
            return false;
        }
        violations.check(text.equals("true") || text.equals("false"), field, "Write " + field + " as true or false.");
        return text.equals("true");
    }

    /** A whole number from {@code min} to {@code max}; absent or empty means {@code absent}. */
    public static int number(String text, String field, int absent, int min, int max, Violations violations) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (violations.check(value >= min && value <= max, field, "The " + field + " is a whole number from " + min + " to " + max + ".")) {
                return value;
            }
        } catch (NumberFormatException e) {
            violations.add(field, "The " + field + " is a whole number from " + min + " to " + max + ".");
        }
        return absent;
    }
}
