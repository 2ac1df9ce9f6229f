package dev.capstan.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything else runs: every startup bean that touches the
 * database declares {@code @DependsOn("DatabaseMigrator")}. Flyway commits its own work, so
 * this bean manages no container transaction.
 */
@Startup
@Singleton
@DenyAll
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/CapstanDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String database = describeDatabase();
        // db/migration runs on both databases; PostgreSQL gets what H2 cannot express (triggers, grants).
        String[] locations = database.startsWith("PostgreSQL")
                ? new String[]{"classpath:db/migration", "classpath:db/migration-postgresql"}
                : new String[]{"classpath:db/migration"};
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(locations)
                .load()
                .migrate();
        LOG.info(() -> "Database " + database + " is at schema version " + currentVersion(result)
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** Opens one connection first, so that a wrong setting is told in one line naming it. */
    private String describeDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            String message = DatabaseUnavailableException.explain(e);
            LOG.severe(message);
            throw new DatabaseUnavailableException(message);
        }
    }

    private static String currentVersion(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }
}
