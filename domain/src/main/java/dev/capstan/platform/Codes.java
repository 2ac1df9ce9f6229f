package dev.capstan.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How enum constants are written where people read and type them (YAML, the API, pages):
 * lower case with hyphens, e.g. {@code ssh-host} for {@code SSH_HOST}.
 */
public final class Codes {

    private Codes() {
    }

    public static String code(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant a code names (any case), or a message for {@code field} that lists the choices. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String what, String text) {
        String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return constant;
            }
        }
        throw new BusinessRuleException(field, "'" + (text == null ? "" : text.strip()) + "' is not a " + what + "; choose one of "
                + Arrays.stream(type.getEnumConstants()).map(Codes::code).collect(Collectors.joining(", ")) + ".");
    }
}
