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
import java.util.Map;
import java.util.Optional;
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
        boolean postgresql = database.startsWith("PostgreSQL");
        String[] locations = postgresql
                ? new String[]{"classpath:db/migration", "classpath:db/migration-postgresql"}
                : new String[]{"classpath:db/migration"};
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(postgresql ? migrationDataSource() : dataSource)
                .locations(locations)
                .placeholders(postgresql ? Map.of("runtimeRole", runtimeRole()) : Map.of())
                .load()
                .migrate();
        LOG.info(() -> "Database " + database + " is at schema version " + currentVersion(result)
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /**
     * On PostgreSQL, the schema's owner when CAPSTAN_DB_MIGRATION_USER is set (two roles: the application's own
     * role then owns nothing and cannot lift the audit trail's protections), else the application's role.
     */
    private DataSource migrationDataSource() {
        Optional<String> owner = Settings.text("capstan.db.migration-user");
        if (owner.isEmpty()) {
            return dataSource;
        }
        String password = Settings.text("capstan.db.migration-password").orElse("");
        return new AsUser(dataSource, owner.get(), password);
    }

    /** The role that grants in PostgreSQL migrations go to: the application's own. */
    private static String runtimeRole() {
        String role = Settings.text("capstan.db.user").orElse("capstan");
        if (!role.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new DatabaseUnavailableException("CAPSTAN_DB_USER must be a plain PostgreSQL role name (letters, digits, _), not '" + role + "'");
        }
        return role;
    }

    /** A data source that signs in as another user on every connection (the pool keeps them apart). */
    private record AsUser(DataSource pool, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection(user, password);
        }

        @Override
        public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
            return pool.getConnection(otherUser, otherPassword);
        }

        @Override
        public java.io.PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
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
