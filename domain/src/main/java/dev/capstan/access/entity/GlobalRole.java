package dev.capstan.access.entity;

/** Roles that hold across all of Capstan; project roles come with project memberships. */
public enum GlobalRole {
    /** Everything, including user administration. */
    ADMIN,
    /** Reads everything, changes nothing: history and audit. */
    AUDITOR,
    /** Sees the projects they are a member of. */
    USER;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String AUDITOR_NAME = "AUDITOR";
    public static final String USER_NAME = "USER";
}
