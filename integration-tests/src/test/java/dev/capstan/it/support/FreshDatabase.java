package dev.capstan.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives each test run an empty PostgreSQL database, before Arquillian starts the server on it:
 * Flyway then migrates from scratch and the first administrator is created, as on a new install.
 */
public class FreshDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String url = System.getProperty("capstan.test.db.url");
        if (url == null) {
            return;
        }
        String database = url.substring(url.lastIndexOf('/') + 1);
        String maintenanceUrl = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, TestDatabase.user(), TestDatabase.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate the test database " + database + " at " + maintenanceUrl
                    + " as " + TestDatabase.user() + " (does .ci/run's role exist?): " + e.getMessage(), e);
        }
    }
}
