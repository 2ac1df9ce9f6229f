package dev.capstan.platform.api;

import dev.capstan.platform.FieldError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses a query parameter the operation does not take, with a 400 problem naming the ones it
 * does: {@code ?size=50} where {@code limit} is meant would otherwise be ignored without a word,
 * and the caller would read the wrong page as if it were right.
 */
@Provider
@Priority(Priorities.USER)
public class UnknownQueryParams implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> taken = taken(method);
        List<FieldError> errors = new ArrayList<>();
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!taken.contains(name)) {
                errors.add(new FieldError(name, taken.isEmpty()
                        ? "This call takes no query parameters; leave out " + name + "."
                        : "This call takes no query parameter " + name + "; it takes " + String.join(", ", taken) + "."));
            }
        }
        if (!errors.isEmpty()) {
            request.abortWith(Problem.of(400, errors.size() == 1 ? errors.get(0).message() : "Some query parameters are not this call's.",
                    errors).toResponse());
        }
    }

    private static Set<String> taken(Method method) {
        Set<String> names = new LinkedHashSet<>();
        for (Annotation[] parameter : method.getParameterAnnotations()) {
            for (Annotation annotation : parameter) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return names;
    }
}
