package dev.capstan.projects.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One deployable part of a project: an API, a worker group, its database. Changed only through its {@link Project}. */
@Entity
@Table(name = "project_service")
public class Service {

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
    private ServiceKind kind;

    @Column(nullable = false)
    private boolean essential;

    @Column(length = 500)
    private String image;

    @Column(name = "source_repository", length = 500)
    private String sourceRepository;

    @Column(name = "default_ref", length = 500)
    private String defaultRef;

    @Column(name = "deploy_order", nullable = false)
    private int deployOrder;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "url", column = @Column(name = "liveness_url")),
            @AttributeOverride(name = "expectedStatus", column = @Column(name = "liveness_status")),
            @AttributeOverride(name = "expectations", column = @Column(name = "liveness_expectations"))})
    private HealthEndpoint liveness;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "url", column = @Column(name = "readiness_url")),
            @AttributeOverride(name = "expectedStatus", column = @Column(name = "readiness_status")),
            @AttributeOverride(name = "expectations", column = @Column(name = "readiness_expectations"))})
    private HealthEndpoint readiness;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "service_smoke_check", joinColumns = @JoinColumn(name = "service_id"))
    @OrderColumn(name = "sort_index")
    private List<SmokeCheck> smokeChecks = new ArrayList<>();

    @Version
    private long version;

    protected Service() {
        // for JPA
    }

    Service(Project project, ServiceDefinition definition) {
        this.project = project;
        this.name = definition.name();
        redefine(definition);
    }

    void redefine(ServiceDefinition definition) {
        kind = definition.kind();
        essential = definition.essential();
        image = definition.image();
        sourceRepository = definition.sourceRepository();
        defaultRef = definition.defaultRef();
        deployOrder = definition.deployOrder();
        liveness = definition.liveness();
        readiness = definition.readiness();
        smokeChecks.clear();
        smokeChecks.addAll(definition.smokeChecks());
    }

    public ServiceDefinition definition() {
        return new ServiceDefinition(name, kind, essential, image, sourceRepository, defaultRef, deployOrder,
                emptyToNull(liveness), emptyToNull(readiness), smokeChecks);
    }

    /** Hibernate gives an embeddable whose columns are all null back as an object of nulls, or as null. */
    private static HealthEndpoint emptyToNull(HealthEndpoint endpoint) {
        return endpoint == null || endpoint.url() == null ? null : endpoint;
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

    public ServiceKind kind() {
        return kind;
    }

    public boolean essential() {
        return essential;
    }

    public int deployOrder() {
        return deployOrder;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Service that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "Service[" + name + "]";
    }
}
