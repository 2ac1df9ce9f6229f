package dev.capstan.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything else runs: every startup bean that touches the
 * database declares {@code @DependsOn("DatabaseMigrator")}. Flyway commits its own work, so
 * this bean manages no container transaction.
 *
 * <p>Two roles (CAPSTAN_DB_MIGRATION_USER set, on PostgreSQL): the schema's owner migrates over a
 * connection of its own, outside the pool, which Flyway closes when it is done; its password is
 * read once ({@link Settings#secretOnce}). The pool only ever signs in as the application's role,
 * which owns nothing and so cannot lift the audit trail's protections.
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
        Database database = describeDatabase();
        Optional<String> owner = database.postgresql() ? Settings.text("capstan.db.migration-user") : Optional.empty();
        if (owner.isEmpty()) {
            migrate(database, flyway(database).dataSource(dataSource), "the application's role");
            return;
        }
        Optional<String> password = Settings.secretOnce("capstan.db.migration-password");
        if (password.isEmpty()) {
            requireNothingPending(database, owner.get());
            return;
        }
        migrate(database, flyway(database).dataSource(database.url(), owner.get(), password.get()), owner.get());
    }

    private void migrate(Database database, FluentConfiguration flyway, String migrator) {
        MigrateResult result = flyway.load().migrate();
        LOG.info(() -> "Database " + database.product() + " is at schema version " + currentVersion(result)
                + " (" + result.migrationsExecuted + " migrations applied now, as " + migrator + ")");
    }

    /**
     * The owner's password was handed over once per start and is used up, e.g. when the EAR is
     * deployed again in a running server: the schema must already be current, which the
     * application's role can read.
     */
    private void requireNothingPending(Database database, String owner) {
        int pending = flyway(database).dataSource(dataSource).load().info().pending().length;
        if (pending > 0) {
            String message = pending + " database migrations wait for the schema's owner CAPSTAN_DB_MIGRATION_USER=" + owner
                    + ", but its password (CAPSTAN_DB_MIGRATION_PASSWORD) is not available: bin/capstan.sh hands it over"
                    + " once per start. Restart Capstan with bin/capstan.sh to migrate.";
            LOG.severe(message);
            throw new DatabaseUnavailableException(message);
        }
        LOG.info(() -> "Database " + database.product() + " is current; its owner " + owner + " migrated it when the server started");
    }

    /** db/migration runs on both databases; PostgreSQL gets what H2 cannot express (triggers, grants). */
    private FluentConfiguration flyway(Database database) {
        return Flyway.configure(getClass().getClassLoader())
                .locations(database.postgresql()
                        ? new String[]{"classpath:db/migration", "classpath:db/migration-postgresql"}
                        : new String[]{"classpath:db/migration"})
                .placeholders(database.postgresql() ? Map.of("runtimeRole", runtimeRole()) : Map.of());
    }

    /** The role that grants in PostgreSQL migrations go to: the application's own. */
    private static String runtimeRole() {
        String role = Settings.text("capstan.db.user").orElse("capstan");
        if (!role.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new DatabaseUnavailableException("CAPSTAN_DB_USER must be a plain PostgreSQL role name (letters, digits, _), not '" + role + "'");
        }
        return role;
    }

    /** The database the pool reaches: its product and the URL the owner's connection goes to. */
    private record Database(String product, String url) {
        boolean postgresql() {
            return product.startsWith("PostgreSQL");
        }
    }

    /** Opens one connection first, so that a wrong setting is told in one line naming it. */
    private Database describeDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return new Database(meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(), meta.getURL());
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
