package dev.capstan.projects.entity;

import dev.capstan.platform.BusinessRuleException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The short names that appear in URLs, YAML files and audit entries: project keys, service and
 * environment names. Lower-case letters, digits and single hyphens, starting with a letter.
 */
public final class Slug {

    public static final int MAX_LENGTH = 63;
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private Slug() {
    }

    /**
     * The slug as typed (trimmed), or a message for {@code field} saying what a slug is. Capitals are
     * refused, not quietly lowered: the key a person typed is the key they will look for.
     */
    public static String of(String field, String what, String value) {
        String normalized = value == null ? "" : value.strip();
        if (normalized.isEmpty()) {
            throw new BusinessRuleException(field, "Enter " + withArticle(what) + ".");
        }
        String lowered = normalized.toLowerCase(Locale.ROOT);
        if (!lowered.equals(normalized) && lowered.length() <= MAX_LENGTH && SLUG.matcher(lowered).matches()) {
            throw new BusinessRuleException(field, Character.toUpperCase(withArticle(what).charAt(0)) + withArticle(what).substring(1)
                    + " is written in lower case: " + lowered + ", not " + normalized + ".");
        }
        if (normalized.length() > MAX_LENGTH || !SLUG.matcher(normalized).matches()) {
            throw new BusinessRuleException(field, Character.toUpperCase(withArticle(what).charAt(0)) + withArticle(what).substring(1)
                    + " is 1 to " + MAX_LENGTH
                    + " lower-case letters, digits and single hyphens, starting with a letter (like web-api), not '"
                    + abbreviated(value.strip()) + "'.");
        }
        return normalized;
    }

    public static boolean isSlug(String value) {
        return value != null && value.length() <= MAX_LENGTH && SLUG.matcher(value).matches();
    }

    static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** "a service name", "an environment name". */
    static String withArticle(String what) {
        return ("aeiou".indexOf(Character.toLowerCase(what.charAt(0))) >= 0 ? "an " : "a ") + what;
    }
}
