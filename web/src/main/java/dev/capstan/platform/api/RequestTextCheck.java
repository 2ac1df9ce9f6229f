package dev.capstan.platform.api;

import dev.capstan.platform.FieldError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a NUL character in the path or a query parameter of an API call with a 400 problem
 * naming it: PostgreSQL cannot store or even compare one, and no client sends one by mistake.
 * Bodies are {@link JsonBodyCheck}'s.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR + 1)
public class RequestTextCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            if (segment.getPath().indexOf('\0') >= 0) {
                errors.add(new FieldError("path", "The address " + JsonBodyCheck.NUL));
                break;
            }
        }
        request.getUriInfo().getQueryParameters(true).forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                errors.add(new FieldError(name.replace('\0', '\uFFFD'), "The query parameter " + JsonBodyCheck.NUL));
            }
        });
        if (!errors.isEmpty()) {
            request.abortWith(Problem.of(400, errors.size() == 1 ? errors.get(0).message() : "Some parts of the request cannot be read.",
                    errors).toResponse());
        }
    }
}
