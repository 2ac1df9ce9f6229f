package dev.capstan.access.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.User;

import java.time.Instant;
import java.util.Set;

/** A user as pages and APIs see one: never the password hash. */
public record UserView(long id, String username, String displayName, Set<GlobalRole> roles, boolean enabled,
                       boolean locked, boolean mustChangePassword, Instant createdAt, Instant lastSignInAt) {

    static UserView of(User user, Instant now) {
        return new UserView(user.id(), user.username(), user.displayName(), user.roles(), user.enabled(),
                user.isLockedAt(now), user.mustChangePassword(), user.createdAt(), user.lastSignInAt().orElse(null));
    }
}
