package dev.capstan.audit.entity;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        facts.put(key, normalize(value));
        return this;
    }

    /** A field that changed; nothing is recorded when before and after are equal. */
    public AuditDetails changed(String field, Object before, Object after) {
        Object was = normalize(before);
        Object now = normalize(after);
        if (!Objects.equals(was, now)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("before", was);
            change.put("after", now);
            changes.put(field, change);
        }
        return this;
    }

    /** Every field whose value differs between two descriptions of the same thing (a field missing on one side is null). */
    public AuditDetails changes(Map<String, ?> before, Map<String, ?> after) {
        java.util.Set<String> fields = new java.util.LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        fields.forEach(field -> changed(field, before.get(field), after.get(field)));
        return this;
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

    private static Object normalize(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).sorted().toList();
        }
        if (value instanceof Object[] array) {
            return normalize(List.of(array));
        }
        if (value instanceof char[]) {
            throw new IllegalArgumentException("Secret values go through secret(), never with()");
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }

    @Override
    public String toString() {
        return "AuditDetails" + facts.keySet() + changes.keySet() + Arrays.toString(secrets.keySet().toArray());
    }
}
