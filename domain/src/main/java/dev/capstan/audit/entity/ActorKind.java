package dev.capstan.audit.entity;

/** Who acted: a signed-in person, a CI pipeline's API token, one of Capstan's own jobs, or nobody yet. */
public enum ActorKind {
    USER,
    API_TOKEN,
    SYSTEM,
    /** Not signed in, e.g. a failed sign-in. */
    ANONYMOUS
}
