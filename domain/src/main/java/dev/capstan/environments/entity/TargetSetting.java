package dev.capstan.environments.entity;

import java.util.Arrays;
import java.util.regex.Pattern;

/** One setting a {@link TargetKind} takes: its name, type, whether it is required, its default. */
public record TargetSetting(String name, Type type, boolean required, String defaultValue, String description) {

    private static final Pattern SECRET_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");
    /*
     * Values end up in commands (ssh, docker compose, AWS calls) run for a deployment; each type
     * takes only what its kind of value needs, so no value can be read as an option (a leading
     * '-', e.g. -oProxyCommand=...) or as shell syntax ($(...), `...`, ;, |, &, quotes, spaces).
     */
    /** A DNS name (labels of letters, digits and '-', not at a label's ends), an IPv4 address or an IPv6 one in brackets. */
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]{2,45}]");
    /** A POSIX-portable user name. */
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");
    /** Path segments of letters, digits, '.', '_', '-' and '@', never '..'. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._@-]+(/[A-Za-z0-9._@-]+)*");
    /** Ids of other systems: an EC2 instance, a region, a Render service, a Railway project. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    public enum Type {
        INTEGER, BOOLEAN,
        /** The name of a secret (e.g. RENDER_DEPLOY_HOOK), never its value. */
        SECRET_NAME,
        HOST, USER,
        /** An absolute path, e.g. /srv/korrigo. */
        ABSOLUTE_PATH,
        /** A path below a directory, e.g. deploy/docker-compose.yml. */
        RELATIVE_PATH,
        IDENTIFIER
    }

    static TargetSetting of(Type type, String name, boolean required, String defaultValue, String description) {
        return new TargetSetting(name, type, required, defaultValue, description);
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
            case INTEGER -> value.matches("[0-9]{1,9}") && Integer.parseInt(value) > 0 ? null
                    : "The " + name + " setting is a whole number above 0.";
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null
                    : "The " + name + " setting is true or false.";
            case SECRET_NAME -> SECRET_NAME.matcher(value).matches() ? null
                    : "The " + name + " setting names a secret (capitals, digits and _, like RENDER_DEPLOY_HOOK); "
                    + "never put the secret's value here.";
            case HOST -> HOST.matcher(value).matches() ? null
                    : "The " + name + " setting is a host name (letters, digits, '-' and '.', like shop-1.example.com) or an "
                    + "address (like 10.0.0.5 or [2001:db8::5]).";
            case USER -> USER.matcher(value).matches() ? null
                    : "The " + name + " setting is a user name: a letter or _ first, then letters, digits, '_', '.' or '-', "
                    + "at most 32 characters.";
            case ABSOLUTE_PATH -> value.startsWith("/") && (value.equals("/") || isPlainPath(value.substring(1))) ? null
                    : "The " + name + " setting is an absolute path like /srv/shop: '/' first, then names of letters, digits, "
                    + "'.', '_', '-' and '@', without '..'.";
            case RELATIVE_PATH -> isPlainPath(value) ? null
                    : "The " + name + " setting is a path inside the directory, like docker-compose.yml: names of letters, "
                    + "digits, '.', '_', '-' and '@', separated by '/', without '..'.";
            case IDENTIFIER -> IDENTIFIER.matcher(value).matches() ? null
                    : "The " + name + " setting is an id: a letter or digit first, then letters, digits, '.', '_', ':' or '-'.";
        };
    }

    private static boolean isPlainPath(String path) {
        return PATH.matcher(path).matches() && Arrays.stream(path.split("/")).noneMatch(".."::equals)
                && !path.startsWith("-");
    }
}
