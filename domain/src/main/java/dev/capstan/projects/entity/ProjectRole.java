package dev.capstan.projects.entity;

/** What a member may do in one project. ADMIN and AUDITOR hold across projects (global roles). */
public enum ProjectRole {
    /** Edits the project, its services, environments and members; may deploy everywhere. */
    MAINTAINER,
    /** Requests deployments: to non-production tiers, and to production if the membership allows it. */
    DEPLOYER,
    /** Reads the project. */
    VIEWER
}
