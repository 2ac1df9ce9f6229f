package dev.capstan.environments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/** How one service differs in one environment: not deployed here, or other health URLs. */
@Embeddable
public class ServiceOverride {

    @Column(name = "service_name", nullable = false, length = 63)
    private String serviceName;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "liveness_url", length = 500)
    private String livenessUrl;

    @Column(name = "readiness_url", length = 500)
    private String readinessUrl;

    protected ServiceOverride() {
        // for JPA
    }

    public ServiceOverride(String serviceName, boolean disabled, String livenessUrl, String readinessUrl) {
        this.serviceName = serviceName;
        this.disabled = disabled;
        this.livenessUrl = livenessUrl;
        this.readinessUrl = readinessUrl;
    }

    public String serviceName() {
        return serviceName;
    }

    public boolean disabled() {
        return disabled;
    }

    public String livenessUrl() {
        return livenessUrl;
    }

    public String readinessUrl() {
        return readinessUrl;
    }

    @Override
    public String toString() {
        return serviceName + (disabled ? " disabled" : "") + (livenessUrl == null ? "" : " liveness " + livenessUrl)
                + (readinessUrl == null ? "" : " readiness " + readinessUrl);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceOverride that && disabled == that.disabled && serviceName.equals(that.serviceName)
                && Objects.equals(livenessUrl, that.livenessUrl) && Objects.equals(readinessUrl, that.readinessUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serviceName, disabled, livenessUrl, readinessUrl);
    }
}
