package dev.capstan.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Readiness of the portal itself (management port, /health/ready): its database answers. Lives in
 * the EAR's library jar because WildFly finds health checks of an EAR only there, not in its EJB
 * or web modules (measured on WildFly 39; PortalHealthIT notices if that changes).
 */
@Readiness
@ApplicationScoped
public class PortalHealth implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/CapstanDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return HealthCheckResponse.named("database").status(valid)
                    .withData("database", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
        }
    }
}
