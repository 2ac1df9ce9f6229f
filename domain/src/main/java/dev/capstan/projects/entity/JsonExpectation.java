package dev.capstan.projects.entity;

import dev.capstan.platform.BusinessRuleException;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a health endpoint's JSON body must say, written the way runbooks say it:
 * {@code status == "ready"}, {@code checks.database == "connected"}, {@code ok == true}. The
 * left side is a dotted path into the body, the right side a JSON literal.
 */
public record JsonExpectation(String path, Object expected) {

    private static final Pattern EXPECTATION = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z_][A-Za-z0-9_-]*)*)\\s*==\\s*(.+?)\\s*");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\[\"\\\\])*)\"");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    public static JsonExpectation parse(String field, String text) {
        Matcher matcher = EXPECTATION.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new BusinessRuleException(field, "'" + Slug.abbreviated(text == null ? "" : text.strip())
                    + "' is not an expectation; write it like status == \"ready\" (a field, ==, a JSON value).");
        }
        return new JsonExpectation(matcher.group(1), literal(field, matcher.group(2)));
    }

    private static Object literal(String field, String text) {
        Matcher string = STRING.matcher(text);
        if (string.matches()) {
            return string.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (NUMBER.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> throw new BusinessRuleException(field, "'" + Slug.abbreviated(text)
                    + "' is not a JSON value; put text in double quotes, like \"ready\".");
        };
    }

    /** The canonical text: {@code parse(e.toString())} equals {@code e}. */
    @Override
    public String toString() {
        return path + " == " + literal(expected);
    }

    private static String literal(Object value) {
        if (value instanceof String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return String.valueOf(value);
    }
}
