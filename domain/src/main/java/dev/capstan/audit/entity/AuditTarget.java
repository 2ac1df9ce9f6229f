package dev.capstan.audit.entity;

/** What an action was done to: a type such as {@code user}, its id and a name people recognise. */
public record AuditTarget(String type, String id, String name) {

    public static final AuditTarget NONE = new AuditTarget(null, null, null);

    public AuditTarget {
        type = AuditText.clip(type, 40);
        id = AuditText.clip(id, 100);
        name = AuditText.clip(name, 200);
    }

    public static AuditTarget of(String type, Object id, String name) {
        return new AuditTarget(type, id == null ? null : id.toString(), name);
    }
}
