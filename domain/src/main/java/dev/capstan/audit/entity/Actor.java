package dev.capstan.audit.entity;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Who did it, with the roles they held at that moment (sorted, so the record does not depend
 * on the order a set happened to have).
 */
public record Actor(ActorKind kind, String name, List<String> roles) {

    public Actor {
        Objects.requireNonNull(kind, "kind");
        name = AuditText.clip(Objects.requireNonNull(name, "name"), 200);
        roles = roles.stream().sorted().toList();
    }

    public static Actor user(String username, Collection<String> roles) {
        return new Actor(ActorKind.USER, username, List.copyOf(roles));
    }

    /** One of Capstan's own scheduled jobs, by name, e.g. {@code audit-checkpoint}. */
    public static Actor system(String job) {
        return new Actor(ActorKind.SYSTEM, job, List.of());
    }

    public static Actor anonymous() {
        return new Actor(ActorKind.ANONYMOUS, "anonymous", List.of());
    }
}
