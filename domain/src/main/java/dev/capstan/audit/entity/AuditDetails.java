package dev.capstan.audit.entity;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The free part of an audit entry: changed fields as before/after, and other facts. Secret
 * values are never written: {@link #secret} puts a keyed digest in their place.
 */
public final class AuditDetails {

    private static final String CHANGES = "changes";

    private final Map<String, Object> facts = new TreeMap<>();
    private final Map<String, Map<String, Object>> changes = new TreeMap<>();
    private final Map<String, char[]> secrets = new TreeMap<>();

    public static AuditDetails none() {
        return new AuditDetails();
    }

    /** A fact: text, a whole number, true/false, or a collection of them (sorted, so order does not matter). */
    public AuditDetails with(String key, Object value) {
        if (CHANGES.equals(key)) {
            throw new IllegalArgumentException("'changes' holds the before/after of changed(); name this fact otherwise");
        }
        facts.put(key, fact(value));
        return this;
    }

    /** A field that changed; nothing is recorded when before and after are the same (as {@link #differences} compares). */
    public AuditDetails changed(String field, Object before, Object after) {
        Map<String, Object> was = new LinkedHashMap<>();
        was.put(field, before);
        Map<String, Object> now = new LinkedHashMap<>();
        now.put(field, after);
        return changes(was, now);
    }

    /** Every field whose value differs between two descriptions of the same thing, as {@link #differences} finds them. */
    public AuditDetails changes(Map<String, ?> before, Map<String, ?> after) {
        differences(before, after).forEach((field, values) -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("before", values.get(0));
            change.put("after", values.get(1));
            changes.put(field, change);
        });
        return this;
    }

    /**
     * The one comparison of before and after, for the audit trail and the import's dry run alike:
     * each field that differs, as {@code [before, after]}, in the order the descriptions give. A
     * field missing on one side is null, and null is the same as an empty list (an addition's
     * empty lists are no news). A list's order counts (smoke checks run in it), so describe what
     * has no order as a set or as a sorted list. Constants read as their names.
     */
    public static Map<String, List<Object>> differences(Map<String, ?> before, Map<String, ?> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        Map<String, List<Object>> differences = new LinkedHashMap<>();
        for (String field : fields) {
            Object was = value(before.get(field));
            Object now = value(after.get(field));
            if (!Objects.equals(nothingIfEmpty(was), nothingIfEmpty(now))) {
                differences.put(field, Arrays.asList(was, now));
            }
        }
        return differences;
    }

    /** A secret value, recorded only as its keyed digest. */
    public AuditDetails secret(String key, char[] value) {
        secrets.put(key, value);
        return this;
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    /** The canonical JSON stored in the entry, with every secret replaced by its digest. */
    public String toJson(SecretDigest digest) {
        Map<String, Object> json = new TreeMap<>(facts);
        if (!changes.isEmpty()) {
            json.put(CHANGES, changes);
        }
        secrets.forEach((key, value) -> json.put(key, digest.of(value)));
        return CanonicalJson.write(json);
    }

    /** A fact's value: as {@link #value}, but a fact's collection is a set, sorted whatever its order. */
    private static Object fact(Object value) {
        Object shown = value(value);
        return shown instanceof List<?> list ? list.stream().map(String::valueOf).sorted().toList() : shown;
    }

    /** A value as before/after shows it: a list keeps its order, any other collection is sorted. */
    private static Object value(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).sorted().toList();
        }
        if (value instanceof Object[] array) {
            return value(List.of(array));
        }
        if (value instanceof char[]) {
            throw new IllegalArgumentException("Secret values go through secret(), never with()");
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }

    private static Object nothingIfEmpty(Object value) {
        return value instanceof Collection<?> collection && collection.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        return "AuditDetails" + facts.keySet() + changes.keySet() + Arrays.toString(secrets.keySet().toArray());
    }
}
