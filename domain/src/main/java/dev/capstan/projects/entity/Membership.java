package dev.capstan.projects.entity;

import dev.capstan.platform.Codes;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.capstan.access.entity.User;
import dev.capstan.environments.entity.Tier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Objects;

/** A user's role in one project. */
@Entity
@Table(name = "project_membership")
public class Membership {

    /** A role and production flag as wanted, normalised the way a membership keeps them. */
    public record Wanted(ProjectRole role, boolean productionDeploys) {
        public Wanted {
            productionDeploys = role == ProjectRole.MAINTAINER || role == ProjectRole.DEPLOYER && productionDeploys;
        }

        public Map<String, Object> describe() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("role", Codes.code(role));
            fields.put("productionDeploys", productionDeploys);
            return fields;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    private Project project;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProjectRole role;

    @Column(name = "production_deploys", nullable = false)
    private boolean productionDeploys;

    @Version
    private long version;

    protected Membership() {
        // for JPA
    }

    Membership(Project project, User user, ProjectRole role, boolean productionDeploys) {
        this.project = project;
        this.user = user;
        assign(role, productionDeploys);
    }

    void assign(ProjectRole newRole, boolean mayDeployToProduction) {
        // A maintainer deploys everywhere; a viewer nowhere: the flag only means something for deployers.
        Wanted wanted = new Wanted(Objects.requireNonNull(newRole, "role"), mayDeployToProduction);
        this.role = wanted.role();
        this.productionDeploys = wanted.productionDeploys();
    }

    /** Whether this member may request a deployment to an environment of {@code tier}. */
    public boolean mayDeployTo(Tier tier) {
        return switch (role) {
            case MAINTAINER -> true;
            case DEPLOYER -> tier != Tier.PRODUCTION || productionDeploys;
            case VIEWER -> false;
        };
    }

    /** Role and production flag, in words, for the audit trail's before/after. */
    public Map<String, Object> describe() {
        return new Wanted(role, productionDeploys).describe();
    }

    public Long id() {
        return id;
    }

    public Project project() {
        return project;
    }

    public User user() {
        return user;
    }

    public String username() {
        return user.username();
    }

    public ProjectRole role() {
        return role;
    }

    public boolean productionDeploys() {
        return productionDeploys;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Membership that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "Membership[" + user.username() + " " + role + "]";
    }
}
