package dev.capstan.audit.entity;

/**
 * Keeps text that comes from outside (user agents, typed user names) to the length a column holds,
 * and storable: PostgreSQL refuses a NUL character in text, so it becomes U+FFFD, and a refusal
 * that quotes one is still recorded.
 */
final class AuditText {

    private AuditText() {
    }

    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String storable = text.replace('\0', '\uFFFD');
        return storable.length() <= max ? storable : storable.substring(0, max - 1) + "…";
    }
}
