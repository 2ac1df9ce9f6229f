package dev.capstan.projects.entity;

/** What an operation on a project needs; each boundary operation declares one. */
public enum ProjectPermission {
    /** See the project, its services, environments, members; export it. */
    READ,
    /** Change the project, its services, environments and members; archive it; import into it. */
    MAINTAIN
}
