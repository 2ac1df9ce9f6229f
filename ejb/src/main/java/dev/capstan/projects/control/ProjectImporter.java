package dev.capstan.projects.control;

import dev.capstan.access.control.UserDirectory;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.environments.entity.Environment;
import dev.capstan.environments.entity.EnvironmentInput;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.Codes;
import dev.capstan.platform.FieldError;
import dev.capstan.platform.InvalidInputException;
import dev.capstan.projects.entity.MemberInput;
import dev.capstan.projects.entity.Membership;
import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.ProjectDocument;
import dev.capstan.projects.entity.ProjectInput;
import dev.capstan.projects.entity.ProjectRole;
import dev.capstan.projects.entity.Service;
import dev.capstan.projects.entity.ServiceDefinition;
import dev.capstan.projects.entity.ServiceInput;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Brings a project in line with a {@link ProjectDocument}: creates it or updates it, adding and
 * changing services, environments and members, never removing any. Planning and applying walk
 * the same path, so the dry run shows exactly what applying does.
 */
@Dependent
public class ProjectImporter {

    @Inject
    ProjectDirectory directory;

    @Inject
    UserDirectory users;

    @Inject
    Clock clock;

    /** What {@link #apply} would do to the project the document names (or the one it would create). */
    public ImportPlan plan(ProjectDocument document, String creator) {
        return new Walk(document, creator, null).run();
    }

    /**
     * Applies the document, each change audited as part of {@code work}. A project that is created
     * gets {@code creator} (when not null) as a maintainer, unless the document says otherwise.
     */
    public Project apply(ProjectDocument document, String creator, AuditedChange.Work work) {
        Walk walk = new Walk(document, creator, work);
        walk.run();
        return walk.project;
    }

    private static String keyOf(ProjectDocument document) {
        return document.project().key() == null ? "" : document.project().key().strip().toLowerCase(Locale.ROOT);
    }

    /** One pass over the document: plans when {@code work} is null, applies otherwise. */
    private final class Walk {
        private final ProjectDocument document;
        private final String creator;
        private final AuditedChange.Work work;
        private final boolean applying;
        private final List<ImportPlan.Change> changes = new ArrayList<>();
        private final List<String> kept = new ArrayList<>();
        private Project project;

        Walk(ProjectDocument document, String creator, AuditedChange.Work work) {
            this.document = document;
            this.creator = creator;
            this.work = work;
            this.applying = work != null;
        }

        ImportPlan run() {
            ProjectInput input = document.project();
            Optional<Project> found = applying ? directory.findForUpdate(keyOf(document)) : directory.find(keyOf(document));
            boolean created = found.isEmpty();
            List<ServiceDefinition> services = validServices();
            Map<String, Membership.Wanted> members = validMembers();
            if (created) {
                if (creator != null) {
                    members.putIfAbsent(creator, new Membership.Wanted(ProjectRole.MAINTAINER, true));
                }
                project = Project.create(input, clock.instant());
                change(ImportPlan.Operation.ADD, "project", project.key(), Map.of(), project.describeFields());
                if (applying) {
                    work.change(ProjectPart.PROJECT, "project.created", project, null, () -> {
                        directory.add(project);
                        return project;
                    }, imported());
                }
            } else {
                project = found.get();
                if (project.archived() && !document.archived()) {
                    change(ImportPlan.Operation.CHANGE, "project", project.key(), Map.of("archived", true), Map.of("archived", false));
                    if (applying) {
                        changeProject("project.unarchived", Project::unarchive);
                    }
                }
                Map<String, Object> before = project.describeFields();
                Project preview = Project.create(new ProjectInput(project.key(), input.name(), input.description(), input.owningTeam()),
                        clock.instant());
                Map<String, Object> after = new LinkedHashMap<>(preview.describeFields());
                after.put("archived", project.archived());
                if (change(ImportPlan.Operation.CHANGE, "project", project.key(), before, after) && applying) {
                    changeProject("project.updated", p -> p.describe(input));
                }
            }
            services.forEach(this::syncService);
            Set<String> serviceNames = new HashSet<>();
            project.servicesInDeployOrder().forEach(s -> serviceNames.add(s.name()));
            services.forEach(s -> serviceNames.add(s.name()));
            syncEnvironments(serviceNames);
            members.forEach(this::syncMember);
            if (document.archived() && !project.archived()) {
                change(ImportPlan.Operation.CHANGE, "project", project.key(), Map.of("archived", false), Map.of("archived", true));
                if (applying) {
                    changeProject("project.archived", Project::archive);
                }
            }
            if (!created) {
                noteKept(services);
            }
            return new ImportPlan(project.key(), created, changes, kept);
        }

        private List<ServiceDefinition> validServices() {
            List<FieldError> errors = new ArrayList<>();
            List<ServiceDefinition> valid = new ArrayList<>();
            List<ServiceInput> inputs = document.services();
            for (int i = 0; i < inputs.size(); i++) {
                try {
                    valid.add(inputs.get(i).validate());
                } catch (InvalidInputException invalid) {
                    String prefix = "services[" + i + "].";
                    invalid.errors().forEach(e -> errors.add(new FieldError(prefix + e.field(), e.message())));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return valid;
        }

        private Map<String, Membership.Wanted> validMembers() {
            List<FieldError> errors = new ArrayList<>();
            Map<String, Membership.Wanted> wanted = new LinkedHashMap<>();
            List<MemberInput> inputs = document.members();
            for (int i = 0; i < inputs.size(); i++) {
                MemberInput member = inputs.get(i);
                String username = member.username() == null ? "" : member.username().strip().toLowerCase(Locale.ROOT);
                if (users.findByUsername(username).isEmpty()) {
                    errors.add(new FieldError("members[" + i + "].username", "There is no user named '" + username + "'."));
                }
                try {
                    ProjectRole role = Codes.parse(ProjectRole.class, "role", "project role", member.role());
                    wanted.put(username, new Membership.Wanted(role, Boolean.TRUE.equals(member.productionDeploys())));
                } catch (BusinessRuleException wrongRole) {
                    errors.add(new FieldError("members[" + i + "].role", wrongRole.getMessage()));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return wanted;
        }

        private void syncService(ServiceDefinition definition) {
            Optional<Service> existing = project.findService(definition.name());
            Map<String, Object> before = existing.map(s -> s.definition().describe()).orElse(Map.of());
            ImportPlan.Operation operation = existing.isPresent() ? ImportPlan.Operation.CHANGE : ImportPlan.Operation.ADD;
            if (!change(operation, "service", definition.name(), before, definition.describe()) || !applying) {
                return;
            }
            work.change(ProjectPart.SERVICE, existing.isPresent() ? "service.updated" : "service.created", project,
                    existing.orElse(null), () -> existing.isPresent() ? project.redefineService(definition.name(), definition)
                            : project.defineService(definition), imported());
        }

        private void syncEnvironments(Set<String> serviceNames) {
            List<FieldError> errors = new ArrayList<>();
            List<EnvironmentInput> inputs = document.environments();
            for (int i = 0; i < inputs.size(); i++) {
                try {
                    inputs.get(i).validate(serviceNames);
                } catch (InvalidInputException invalid) {
                    String prefix = "environments[" + i + "].";
                    invalid.errors().forEach(e -> errors.add(new FieldError(prefix + e.field(), e.message())));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            for (EnvironmentInput input : inputs) {
                var definition = input.validate(serviceNames);
                Optional<Environment> existing = project.findEnvironment(definition.name());
                Map<String, Object> before = existing.map(e -> e.definition().describe()).orElse(Map.of());
                ImportPlan.Operation operation = existing.isPresent() ? ImportPlan.Operation.CHANGE : ImportPlan.Operation.ADD;
                if (!change(operation, "environment", definition.name(), before, definition.describe()) || !applying) {
                    continue;
                }
                work.change(ProjectPart.ENVIRONMENT, existing.isPresent() ? "environment.updated" : "environment.created", project,
                        existing.orElse(null), () -> existing.isPresent() ? project.redefineEnvironment(definition.name(), input)
                                : project.defineEnvironment(input), imported());
            }
        }

        private void syncMember(String username, Membership.Wanted wanted) {
            Optional<Membership> existing = project.findMembership(username);
            Map<String, Object> before = existing.map(Membership::describe).orElse(Map.of());
            Map<String, Object> after = wanted.describe();
            ImportPlan.Operation operation = existing.isPresent() ? ImportPlan.Operation.CHANGE : ImportPlan.Operation.ADD;
            if (!change(operation, "member", username, before, after) || !applying) {
                return;
            }
            work.change(ProjectPart.MEMBER, existing.isPresent() ? "member.changed" : "member.added", project, existing.orElse(null),
                    () -> existing.isPresent() ? project.changeMember(username, wanted.role(), wanted.productionDeploys())
                            : project.addMember(users.getByUsername(username), wanted.role(), wanted.productionDeploys()),
                    imported());
        }

        private void noteKept(List<ServiceDefinition> services) {
            Set<String> named = services.stream().map(ServiceDefinition::name).collect(Collectors.toSet());
            project.servicesInDeployOrder().stream().map(Service::name).filter(n -> !named.contains(n))
                    .forEach(n -> kept.add("service " + n));
            Set<String> environments = document.environments().stream()
                    .map(e -> e.name() == null ? "" : e.name().strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            project.environmentsInOrder().stream().map(Environment::name).filter(n -> !environments.contains(n))
                    .forEach(n -> kept.add("environment " + n));
            Set<String> members = document.members().stream()
                    .map(m -> m.username() == null ? "" : m.username().strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            project.membersInOrder().stream().map(Membership::username).filter(n -> !members.contains(n))
                    .forEach(n -> kept.add("member " + n));
        }

        /** Notes a change when something differs (or is new), compared as the audit trail compares; returns whether it did. */
        private boolean change(ImportPlan.Operation operation, String type, String name, Map<String, ?> before, Map<String, ?> after) {
            Map<String, List<Object>> fields = AuditDetails.differences(before, after);
            if (operation == ImportPlan.Operation.CHANGE && fields.isEmpty()) {
                return false;
            }
            changes.add(new ImportPlan.Change(operation, type, name, fields));
            return true;
        }

        private void changeProject(String action, Consumer<Project> change) {
            work.change(ProjectPart.PROJECT, action, project, project, () -> {
                change.accept(project);
                return project;
            }, imported());
        }
    }

    /** Audit details of a change made by an import rather than by hand. */
    private static AuditDetails imported() {
        return AuditDetails.none().with("via", "import");
    }
}
