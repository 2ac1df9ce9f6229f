package dev.capstan.environments.entity;

import dev.capstan.projects.entity.Project;
import dev.capstan.projects.entity.Slug;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Where a project runs: development, staging, production; its base URL and deployment target. */
@Entity
@Table(name = "project_environment")
public class Environment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    private Project project;

    @Column(nullable = false, updatable = false, length = Slug.MAX_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Tier tier;

    @Column(name = "base_url", length = 500)
    private String baseUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", nullable = false, length = 20)
    private TargetKind targetKind;

    @Column(name = "target_settings_version", nullable = false)
    private int targetSettingsVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "environment_target_setting", joinColumns = @JoinColumn(name = "environment_id"))
    @MapKeyColumn(name = "name", length = 100)
    @Column(name = "setting_value", nullable = false, length = 500)
    private Map<String, String> targetSettings = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "environment_service_override", joinColumns = @JoinColumn(name = "environment_id"))
    private List<ServiceOverride> overrides = new ArrayList<>();

    @Version
    private long version;

    protected Environment() {
        // for JPA
    }

    /** Only {@link Project#defineEnvironment} creates environments, which checks the name is free. */
    public Environment(Project project, EnvironmentDefinition definition) {
        this.project = project;
        this.name = definition.name();
        redefine(definition);
    }

    /** Only through {@link Project#redefineEnvironment}, which checks the overrides name its services. */
    public void redefine(EnvironmentDefinition definition) {
        tier = definition.tier();
        baseUrl = definition.baseUrl();
        targetKind = definition.target().kind();
        targetSettingsVersion = definition.target().settingsVersion();
        targetSettings.clear();
        targetSettings.putAll(definition.target().settings());
        overrides.clear();
        overrides.addAll(definition.overrides());
    }

    public EnvironmentDefinition definition() {
        return new EnvironmentDefinition(name, tier, baseUrl,
                new DeploymentTarget(targetKind, targetSettingsVersion, targetSettings), overrides);
    }

    /** Drops the override of a service the project no longer has. */
    public void forgetService(String serviceName) {
        overrides.removeIf(o -> o.serviceName().equals(serviceName));
    }

    public boolean overrides(String serviceName) {
        return overrides.stream().anyMatch(o -> o.serviceName().equals(serviceName));
    }

    public Long id() {
        return id;
    }

    public Project project() {
        return project;
    }

    public String name() {
        return name;
    }

    public Tier tier() {
        return tier;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Environment that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "Environment[" + name + "]";
    }
}
