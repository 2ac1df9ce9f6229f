package dev.capstan.access.control;

import dev.capstan.access.entity.GlobalRole;

import java.util.Optional;

/** What the Users page filters on; every part is optional. */
public record UserFilter(Optional<String> text, Optional<GlobalRole> role, Optional<Boolean> enabled) {

    public static final UserFilter ALL = new UserFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public UserFilter {
        text = text.map(String::strip).filter(t -> !t.isEmpty());
    }
}
