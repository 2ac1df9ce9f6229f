package dev.capstan.projects.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What importing a project document would do, shown before it is done (the dry run): each change
 * with its fields before and after, and what the project has that the file does not mention
 * (kept as it is: an import adds and updates, it never deletes). Its fingerprint is set once it is
 * {@link #sealedFor sealed} for the person who is shown it.
 */
public record ImportPlan(String projectKey, boolean newProject, List<Change> changes, List<String> kept, String fingerprint) {

    public enum Operation { ADD, CHANGE }

    /**
     * One planned change: add or change one thing, e.g. {@code service backend}, with each field's
     * before and after (for an addition, the fields it is added with).
     */
    public record Change(Operation operation, String type, String name, Map<String, List<Object>> fields) {

        /** One line for people: {@code change service backend: deployOrder 20 -> 30}. */
        public String summary() {
            String what = (operation == Operation.ADD ? "add " : "change ") + type + " " + name;
            if (operation == Operation.ADD || fields.isEmpty()) {
                return what;
            }
            StringBuilder line = new StringBuilder(what).append(':');
            fields.forEach((field, values) -> line.append(' ').append(field).append(' ')
                    .append(show(values.get(0))).append(" -> ").append(show(values.get(1))).append(';'));
            return line.substring(0, line.length() - 1);
        }

        private static String show(Object value) {
            return value == null ? "(none)" : value.toString();
        }
    }

    public ImportPlan {
        changes = List.copyOf(changes);
        kept = List.copyOf(kept);
    }

    public ImportPlan(String projectKey, boolean newProject, List<Change> changes, List<String> kept) {
        this(projectKey, newProject, changes, kept, null);
    }

    public boolean changesNothing() {
        return changes.isEmpty();
    }

    /**
     * This plan with a fingerprint that identifies it for {@code holder} (who was shown it, and in
     * which session): applying checks it, so what runs is what the person saw, even if someone
     * changed the project in between. An HMAC under a key only the server holds, so nobody can
     * compute a fingerprint to make someone else apply a plan they did not see.
     */
    public ImportPlan sealedFor(byte[] key, String holder) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((holder + "\n" + projectKey + "\n" + newProject + "\n").getBytes(StandardCharsets.UTF_8));
            for (Change change : changes) {
                // every field's before and after, not just the summary: a different file adding the same names is another plan
                mac.update((change.summary() + " " + change.fields() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return new ImportPlan(projectKey, newProject, changes, kept, HexFormat.of().formatHex(mac.doFinal(), 0, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
