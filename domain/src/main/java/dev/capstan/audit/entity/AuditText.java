package dev.capstan.audit.entity;

/** Keeps text that comes from outside (user agents, typed user names) to the length a column holds. */
final class AuditText {

    private AuditText() {
    }

    static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
