package dev.capstan.audit.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/**
 * Publishes the newest verification's outcome (AuditChainStatus) as two gauges on the management
 * interface's /metrics, where WildFly's micrometer subsystem serves them in Prometheus text:
 * {@code capstan_audit_chain_intact} (1 intact, 0 damaged, -1 not verified since start-up) and
 * {@code capstan_audit_last_verified_sequence}. Alert on {@code capstan_audit_chain_intact == 0}.
 */
@ApplicationScoped
public class AuditMetrics {

    static final String CHAIN_INTACT = "capstan.audit.chain.intact";
    static final String LAST_VERIFIED_SEQUENCE = "capstan.audit.last.verified.sequence";

    @Inject
    MeterRegistry registry;

    /** Held here because a registry keeps a gauge's object only weakly. */
    @Inject
    AuditChainStatus status;

    void register(@Observes Startup startup) {
        // registry.gauge(name, tags, ...) and not Gauge.builder(...).register(registry): in WildFly 39 only
        // the former reaches the server's registry from a deployment's; a builder's gauge stays unpublished.
        registry.gauge(CHAIN_INTACT, Tags.empty(), status, AuditChainStatus::intactGauge);
        registry.gauge(LAST_VERIFIED_SEQUENCE, Tags.empty(), status, AuditChainStatus::lastVerifiedSequenceGauge);
    }

    /**
     * WildFly keeps a deployment's meters after it is undeployed, and registering a name again returns
     * the old gauge: remove ours, so that a redeployed Capstan publishes its own status, not the last one's.
     */
    @PreDestroy
    void unregister() {
        for (String name : new String[]{CHAIN_INTACT, LAST_VERIFIED_SEQUENCE}) {
            Gauge gauge = registry.find(name).gauge();
            if (gauge != null) {
                registry.remove(gauge);
            }
        }
    }
}
