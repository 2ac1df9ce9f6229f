package dev.capstan.projects.control;

import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.environments.entity.Environment;
import dev.capstan.projects.entity.Membership;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.Service;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A kind of thing a project holds (or the project itself) as {@link AuditedChange} changes it:
 * found by name, versioned, described for before/after, and named in the audit trail.
 *
 * @param type        the audit trail's target type
 * @param what        how a message names one, e.g. "Service " + its name
 * @param environment whether it is an environment, which the audit trail files under its name too
 */
public record ProjectPart<T>(String type, String what, BiFunction<Project, String, T> get, Function<T, Object> id,
                             Function<T, String> name, ToLongFunction<T> version, Function<T, Map<String, Object>> describe,
                             boolean environment) {

    public static final ProjectPart<Project> PROJECT = new ProjectPart<>("project", "Project ", (project, key) -> project,
            Project::id, Project::key, Project::version, Project::describeFields, false);

    public static final ProjectPart<Service> SERVICE = new ProjectPart<>("service", "Service ", Project::service,
            Service::id, Service::name, Service::version, service -> service.definition().describe(), false);

    public static final ProjectPart<Environment> ENVIRONMENT = new ProjectPart<>("environment", "Environment ",
            Project::environment, Environment::id, Environment::name, Environment::version,
            environment -> environment.definition().describe(), true);

    public static final ProjectPart<Membership> MEMBER = new ProjectPart<>("user", "The membership of ", Project::membership,
            membership -> membership.user().id(), Membership::username, Membership::version, Membership::describe, false);

    /** What happened to {@code part} of {@code project}, e.g. service.updated on service web in project shop. */
    public AuditEvent event(String action, Project project, T part) {
        String partName = name.apply(part);
        return AuditEvent.of(action).on(type, id.apply(part), partName).in(project.key(), environment ? partName : null);
    }

    /** The one named {@code name} in the project with {@code projectKey}, before either is loaded (or when neither exists). */
    public Subject named(String projectKey, String name) {
        return new Subject(type, projectKey == null ? null : projectKey.strip().toLowerCase(Locale.ROOT),
                name == null ? null : name.strip(), environment);
    }

    /** What a change is made to, as its refusal names it: a project may not be loaded, a new part has no id. */
    public record Subject(String type, String projectKey, String name, boolean environment) {

        /** A change nothing is known of, e.g. an import whose file cannot be read. */
        public static final Subject UNKNOWN = new Subject(null, null, null, false);

        AuditEvent refusal(String action, Object id) {
            return AuditEvent.of(action).on(type, id, name).in(projectKey, environment ? name : null);
        }
    }
}
