package dev.capstan.projects.control;

import java.util.Optional;

/** What the projects list filters on: text in key, name or team; archived projects shown or not. */
public record ProjectFilter(Optional<String> text, boolean includeArchived) {

    public static final ProjectFilter ACTIVE = new ProjectFilter(Optional.empty(), false);

    public ProjectFilter {
        text = text.map(String::strip).filter(t -> !t.isEmpty());
    }
}
