package dev.capstan.platform.api;

import dev.capstan.platform.FieldError;
import dev.capstan.platform.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a JSON body against the record it becomes before JSON-B does, because JSON-B forgives
 * what a client must hear about: a field the API does not know (a typo), a key given twice, a
 * number that does not fit ({@code 2^63} or {@code 1e308} became 0, {@code 1.5} became 1), text
 * where a number belongs, and a NUL character, which PostgreSQL cannot store. Every such problem is
 * answered at once as a 400 problem naming its field, e.g. {@code smokeChecks[0].status}.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

    static final String NUL = "contains a NUL character (\\u0000), which Capstan does not store.";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !"json".equals(type.getSubtype()) && !type.getSubtype().endsWith("+json")) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length > 0) {
            List<FieldError> errors = new Reading().document(body, context.getGenericType());
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** One body's reading: the problems found, each at its path. */
    private static final class Reading {

        private final List<FieldError> errors = new ArrayList<>();

        List<FieldError> document(byte[] body, Type expected) {
            try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
                if (parser.hasNext()) {
                    value(parser, parser.next(), expected, "");
                }
                if (parser.hasNext()) {
                    parser.next();
                    errors.add(new FieldError(null, "The body holds more than one JSON value" + at(parser.getLocation()) + "."));
                }
            } catch (JsonParsingException broken) {
                errors.clear();
                errors.add(new FieldError(null, "The body is not valid JSON" + at(broken.getLocation()) + ": "
                        + broken.getMessage().replaceFirst("\\.$", "") + "."));
            }
            return errors;
        }

        private void value(JsonParser parser, JsonParser.Event event, Type expected, String path) {
            Class<?> kind = raw(expected);
            switch (event) {
                case START_OBJECT -> object(parser, expected, kind, path);
                case START_ARRAY -> array(parser, expected, kind, path);
                case VALUE_STRING -> {
                    if (parser.getString().indexOf('\0') >= 0) {
                        error(path, "The value " + NUL);
                    } else if (isNumber(kind) || kind == Boolean.class || kind == boolean.class) {
                        error(path, "Expected " + describe(kind) + " here, not text.");
                    }
                }
                case VALUE_NUMBER -> number(parser, kind, path);
                case VALUE_TRUE, VALUE_FALSE -> {
                    if (kind != null && kind != Boolean.class && kind != boolean.class && kind != Object.class) {
                        error(path, "Expected " + describe(kind) + " here, not true or false.");
                    }
                }
                default -> {
                    // null: every field may be left out
                }
            }
        }

        private void object(JsonParser parser, Type expected, Class<?> kind, String path) {
            Map<String, Type> fields = null;
            Type anyValue = null;
            if (kind != null && kind.isRecord()) {
                fields = Arrays.stream(kind.getRecordComponents())
                        .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getGenericType));
            } else if (kind != null && Map.class.isAssignableFrom(kind)) {
                anyValue = argument(expected, 1);
            } else if (kind != null && kind != Object.class) {
                error(path, "Expected " + describe(kind) + " here, not an object.");
            }
            Set<String> seen = new HashSet<>();
            for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
                String key = parser.getString();
                String at = path.isEmpty() ? key : path + "." + key;
                if (key.indexOf('\0') >= 0) {
                    error(path, "A field name " + NUL);
                } else if (!seen.add(key)) {
                    error(at, "The field " + key + " is given twice; give it once.");
                } else if (fields != null && !fields.containsKey(key)) {
                    error(at, "There is no field " + key + " here; the fields are " + String.join(", ", fields.keySet().stream().sorted().toList()) + ".");
                }
                value(parser, parser.next(), fields != null ? fields.get(key) : anyValue, at);
            }
        }

        private void array(JsonParser parser, Type expected, Class<?> kind, String path) {
            Type item = null;
            if (kind != null && Collection.class.isAssignableFrom(kind)) {
                item = argument(expected, 0);
            } else if (kind != null && kind != Object.class) {
                error(path, "Expected " + describe(kind) + " here, not a list.");
            }
            int i = 0;
            for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                value(parser, next, item, path + "[" + i++ + "]");
            }
        }

        private void number(JsonParser parser, Class<?> kind, String path) {
            if (kind == null || kind == Object.class || kind == BigDecimal.class || kind == Double.class || kind == double.class) {
                return;
            }
            if (!isNumber(kind)) {
                error(path, "Expected " + describe(kind) + " here, not a number.");
                return;
            }
            BigDecimal value = parser.getBigDecimal();
            long least = kind == Long.class || kind == long.class ? Long.MIN_VALUE : Integer.MIN_VALUE;
            long most = kind == Long.class || kind == long.class ? Long.MAX_VALUE : Integer.MAX_VALUE;
            boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
            if (!whole || value.compareTo(BigDecimal.valueOf(least)) < 0 || value.compareTo(BigDecimal.valueOf(most)) > 0) {
                error(path, "Expected a whole number from " + least + " to " + most + " here, not " + abbreviated(value) + ".");
            }
        }

        private void error(String path, String message) {
            errors.add(new FieldError(path.isEmpty() ? null : path, message));
        }
    }

    private static boolean isNumber(Class<?> kind) {
        return kind == Integer.class || kind == int.class || kind == Long.class || kind == long.class;
    }

    private static String describe(Class<?> kind) {
        if (isNumber(kind)) {
            return "a whole number";
        }
        if (kind == Boolean.class || kind == boolean.class) {
            return "true or false";
        }
        if (kind == String.class) {
            return "text";
        }
        return Collection.class.isAssignableFrom(kind) ? "a list" : "an object";
    }

    private static String abbreviated(BigDecimal value) {
        String text = value.toString();
        return text.length() <= 30 ? text : text.substring(0, 27) + "...";
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index ? p.getActualTypeArguments()[index] : null;
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }
}
