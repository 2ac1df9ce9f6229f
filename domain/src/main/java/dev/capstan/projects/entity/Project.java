package dev.capstan.projects.entity;

import dev.capstan.platform.Codes;
import dev.capstan.access.entity.User;
import dev.capstan.environments.entity.Environment;
import dev.capstan.environments.entity.EnvironmentDefinition;
import dev.capstan.environments.entity.EnvironmentInput;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.NotFoundException;
import dev.capstan.platform.Violations;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A team's system: its services, the environments they run in, and who may do what with it.
 * Everything inside a project changes through it, so its rules hold in one place: names are
 * unique within the project, an archived project changes nothing until it is unarchived, and a
 * project that has maintainers keeps at least one.
 */
@Entity
@Table(name = "project")
public class Project {

    /** Bounds on a project's size: far above the field notes' largest (9 services), low enough that no one project, or its import, can exhaust the server. */
    public static final int MAX_SERVICES = 100;
    public static final int MAX_ENVIRONMENTS = 20;
    public static final int MAX_MEMBERS = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_key", nullable = false, unique = true, updatable = false, length = Slug.MAX_LENGTH)
    private String key;

    @Column(nullable = false, length = ProjectInput.MAX_NAME)
    private String name;

    @Column(length = ProjectInput.MAX_DESCRIPTION)
    private String description;

    @Column(name = "owning_team", length = ProjectInput.MAX_TEAM)
    private String owningTeam;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Service> services = new ArrayList<>();

    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Environment> environments = new ArrayList<>();

    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Membership> members = new ArrayList<>();

    @Version
    private long version;

    protected Project() {
        // for JPA
    }

    public static Project create(ProjectInput input, Instant now) {
        Violations violations = new Violations();
        String key = input.checkedKey(violations);
        String[] fields = input.checkedFields(violations);
        violations.throwIfAny();
        Project project = new Project();
        project.key = key;
        project.name = fields[0];
        project.description = fields[1];
        project.owningTeam = fields[2];
        project.createdAt = now.truncatedTo(ChronoUnit.MICROS); // as the database keeps it: the answer to a create shows what a read will
        return project;
    }

    /** New name, description and team; the key stays. */
    public void describe(ProjectInput input) {
        requireActive();
        Violations violations = new Violations();
        String[] fields = input.checkedFields(violations);
        violations.check(input.key() == null || input.key().isBlank() || key.equals(input.key().strip()), "key",
                "The key of a project never changes (it is in URLs, files and the audit trail).");
        violations.throwIfAny();
        name = fields[0];
        description = fields[1];
        owningTeam = fields[2];
    }

    public void archive() {
        if (archived) {
            throw new BusinessRuleException("Project " + key + " is archived already.");
        }
        archived = true;
    }

    public void unarchive() {
        if (!archived) {
            throw new BusinessRuleException("Project " + key + " is not archived.");
        }
        archived = false;
    }

    private void requireActive() {
        if (archived) {
            throw new BusinessRuleException("Project " + key + " is archived; unarchive it before changing it.");
        }
    }

    // --- services

    public Service defineService(ServiceDefinition definition) {
        requireActive();
        if (findService(definition.name()).isPresent()) {
            throw new BusinessRuleException("name", "Project " + key + " has a service named " + definition.name() + " already.");
        }
        requireRoom(services.size(), MAX_SERVICES, "services");
        Service service = new Service(this, definition);
        services.add(service);
        return service;
    }

    /** The service named {@code serviceName} takes {@code definition}; its name stays. */
    public Service redefineService(String serviceName, ServiceDefinition definition) {
        requireActive();
        Service service = service(serviceName);
        if (!service.name().equals(definition.name())) {
            throw new BusinessRuleException("name", "A service keeps its name; remove it and add a new one to rename it.");
        }
        service.redefine(definition);
        return service;
    }

    public void removeService(String serviceName) {
        requireActive();
        Service service = service(serviceName);
        services.removeIf(s -> s == service);
        environments.forEach(environment -> environment.forgetService(serviceName));
    }

    public Optional<Service> findService(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst();
    }

    public Service service(String serviceName) {
        return findService(serviceName).orElseThrow(() ->
                new NotFoundException("Project " + key + " has no service named " + serviceName + "."));
    }

    /** The order deployments go in: lower deploy order first (the database before the backend), then by name. */
    public List<Service> servicesInDeployOrder() {
        return services.stream().sorted(Comparator.comparingInt(Service::deployOrder).thenComparing(Service::name)).toList();
    }

    // --- environments

    public Environment defineEnvironment(EnvironmentInput input) {
        requireActive();
        EnvironmentDefinition definition = input.validate(serviceNames());
        if (findEnvironment(definition.name()).isPresent()) {
            throw new BusinessRuleException("name", "Project " + key + " has an environment named " + definition.name() + " already.");
        }
        requireRoom(environments.size(), MAX_ENVIRONMENTS, "environments");
        Environment environment = new Environment(this, definition);
        environments.add(environment);
        return environment;
    }

    public Environment redefineEnvironment(String environmentName, EnvironmentInput input) {
        requireActive();
        Environment environment = environment(environmentName);
        EnvironmentDefinition definition = input.validate(serviceNames());
        if (!environment.name().equals(definition.name())) {
            throw new BusinessRuleException("name", "An environment keeps its name; remove it and add a new one to rename it.");
        }
        environment.redefine(definition);
        return environment;
    }

    public void removeEnvironment(String environmentName) {
        requireActive();
        Environment environment = environment(environmentName);
        environments.removeIf(e -> e == environment);
    }

    public Optional<Environment> findEnvironment(String environmentName) {
        return environments.stream().filter(e -> e.name().equals(environmentName)).findFirst();
    }

    public Environment environment(String environmentName) {
        return findEnvironment(environmentName).orElseThrow(() ->
                new NotFoundException("Project " + key + " has no environment named " + environmentName + "."));
    }

    /** By tier (development first), then name. */
    public List<Environment> environmentsInOrder() {
        return environments.stream().sorted(Comparator.comparing(Environment::tier).thenComparing(Environment::name)).toList();
    }

    private Set<String> serviceNames() {
        return services.stream().map(Service::name).collect(Collectors.toSet());
    }

    // --- members

    public Membership addMember(User user, ProjectRole role, boolean productionDeploys) {
        requireActive();
        if (findMembership(user.username()).isPresent()) {
            throw new BusinessRuleException("username", user.username() + " is a member of " + key + " already.");
        }
        if (role == null) {
            throw new BusinessRuleException("role", "Choose the member's role.");
        }
        requireRoom(members.size(), MAX_MEMBERS, "members");
        Membership membership = new Membership(this, user, role, productionDeploys);
        members.add(membership);
        return membership;
    }

    public Membership changeMember(String username, ProjectRole role, boolean productionDeploys) {
        requireActive();
        Membership membership = membership(username);
        if (role == null) {
            throw new BusinessRuleException("role", "Choose the member's role.");
        }
        if (role != ProjectRole.MAINTAINER) {
            requireAnotherMaintainer(membership);
        }
        membership.assign(role, productionDeploys);
        return membership;
    }

    public void removeMember(String username) {
        requireActive();
        Membership membership = membership(username);
        requireAnotherMaintainer(membership);
        members.removeIf(m -> m == membership);
    }

    private void requireRoom(int count, int most, String what) {
        if (count >= most) {
            throw new BusinessRuleException("Project " + key + " has " + most + " " + what + ", the most a project may have.");
        }
    }

    private void requireAnotherMaintainer(Membership leaving) {
        boolean lastMaintainer = leaving.role() == ProjectRole.MAINTAINER
                && members.stream().filter(m -> m.role() == ProjectRole.MAINTAINER).count() == 1;
        if (lastMaintainer) {
            throw new BusinessRuleException("role", leaving.username() + " is the last maintainer of " + key
                    + "; make someone else maintainer first.");
        }
    }

    public Optional<Membership> findMembership(String username) {
        return members.stream().filter(m -> m.username().equals(username)).findFirst();
    }

    public Membership membership(String username) {
        return findMembership(username).orElseThrow(() ->
                new NotFoundException(username + " is not a member of " + key + "."));
    }

    public List<Membership> membersInOrder() {
        return members.stream().sorted(Comparator.comparing(Membership::username)).toList();
    }

    // --- reading

    /** The project's own fields, in words, for the audit trail's before/after. */
    public Map<String, Object> describeFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("description", description);
        fields.put("owningTeam", owningTeam);
        fields.put("archived", archived);
        return fields;
    }

    /** The whole project as a document (config as code): what an export writes and an import reads back. */
    public ProjectDocument toDocument() {
        return new ProjectDocument(toInput(), archived,
                servicesInDeployOrder().stream().map(s -> s.definition().toInput()).toList(),
                environmentsInOrder().stream().map(e -> e.definition().toInput()).toList(),
                membersInOrder().stream().map(m -> new MemberInput(m.username(), Codes.code(m.role()),
                        m.productionDeploys())).toList());
    }

    public ProjectInput toInput() {
        return new ProjectInput(key, name, description, owningTeam);
    }

    public Long id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String owningTeam() {
        return owningTeam;
    }

    public boolean archived() {
        return archived;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Project that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "Project[" + key + "]";
    }
}
