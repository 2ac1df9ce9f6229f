package dev.capstan.projects.entity;

/** What part a service plays in its project. */
public enum ServiceKind {
    APPLICATION, WORKER, DATABASE, CACHE, PROXY, SCHEDULER, OTHER
}
