package dev.capstan.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Gives each test run an empty PostgreSQL database and an empty server data directory (keys, the
 * audit witness, timers), before Arquillian starts the server on them: Flyway then migrates from
 * scratch and the first administrator is created, as on a new install. A witness left from the
 * last run would rightly call the new, shorter trail cut off.
 */
public class FreshDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String url = System.getProperty("capstan.test.db.url");
        if (url == null) {
            return;
        }
        deleteServerData(Path.of(System.getProperty("capstan.test.server.data", "target/server-data")));
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

    private static void deleteServerData(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty the test server's data directory " + directory, e);
        }
    }
}
