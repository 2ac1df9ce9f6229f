package dev.capstan.environments.entity;

import java.util.regex.Pattern;

/** One setting a {@link TargetKind} takes: its name, type, whether it is required, its default. */
public record TargetSetting(String name, Type type, boolean required, String defaultValue, String description) {

    private static final Pattern SECRET_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");

    public enum Type {
        TEXT, INTEGER, BOOLEAN,
        /** The name of a secret (e.g. RENDER_DEPLOY_HOOK), never its value. */
        SECRET_NAME
    }

    static TargetSetting text(String name, boolean required, String defaultValue, String description) {
        return new TargetSetting(name, Type.TEXT, required, defaultValue, description);
    }

    static TargetSetting integer(String name, String defaultValue, String description) {
        return new TargetSetting(name, Type.INTEGER, false, defaultValue, description);
    }

    static TargetSetting bool(String name, String defaultValue, String description) {
        return new TargetSetting(name, Type.BOOLEAN, false, defaultValue, description);
    }

    static TargetSetting secretName(String name, boolean required, String description) {
        return new TargetSetting(name, Type.SECRET_NAME, required, null, description);
    }

    /** Why {@code value} does not fit this setting, or null when it does. */
    String problemWith(String value) {
        if (value.length() > 500 || value.chars().anyMatch(Character::isISOControl)) {
            return "The " + name + " setting has at most 500 characters on one line.";
        }
        return switch (type) {
            case TEXT -> null;
            case INTEGER -> value.matches("[0-9]{1,9}") && Integer.parseInt(value) > 0 ? null
                    : "The " + name + " setting is a whole number above 0.";
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null
                    : "The " + name + " setting is true or false.";
            case SECRET_NAME -> SECRET_NAME.matcher(value).matches() ? null
                    : "The " + name + " setting names a secret (capitals, digits and _, like RENDER_DEPLOY_HOOK); "
                    + "never put the secret's value here.";
        };
    }
}
