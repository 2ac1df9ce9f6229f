package dev.capstan.it.platform;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two roles: the schema's owner migrates at start-up and is gone from the running server after,
 * so nothing the server runs can use the owner's rights. The test server is started by Arquillian
 * (java directly, not bin/capstan.sh), with the owner's password handed over the way capstan.sh
 * hands it over: in a file named by a system property, not in the environment (StartScriptIT
 * checks capstan.sh's side of it).
 */
class TwoRolesIT extends PortalTest {

    @Test
    void theRunningServerHoldsNoConnectionOfTheSchemasOwner() throws Exception {
        signedIn("two-roles-user", GlobalRole.USER); // the server is up and has used its pool
        String owner = System.getProperty("capstan.test.db.user", "capstan");
        String app = System.getProperty("capstan.test.db.app.user", "capstan_app");
        try (Connection db = TestDatabase.connect();
             PreparedStatement query = db.prepareStatement("SELECT usename, application_name, state, backend_start"
                     + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            List<String> ownerConnections = new ArrayList<>();
            int appConnections = 0;
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    if (owner.equals(row.getString("usename"))) {
                        ownerConnections.add(row.getString("application_name") + " " + row.getString("state")
                                + " since " + row.getString("backend_start"));
                    } else if (app.equals(row.getString("usename"))) {
                        appConnections++;
                    }
                }
            }
            assertTrue(appConnections > 0, "the server's pool is connected, as " + app);
            assertEquals(List.of(), ownerConnections, "connections of the owner " + owner + " besides this test's");
        }
    }

    @Test
    void theOwnersPasswordIsNeitherInTheServersEnvironmentNorLeftInAFile() throws Exception {
        ProcessHandle server = testServer();
        List<String> environment = Arrays.asList(
                Files.readString(Path.of("/proc", String.valueOf(server.pid()), "environ")).split("\0"));
        assertTrue(environment.stream().anyMatch(variable -> variable.startsWith("CAPSTAN_DB_USER=")),
                "the server's environment is read: " + environment.size() + " variables");
        assertFalse(environment.stream().anyMatch(variable -> variable.startsWith("CAPSTAN_DB_MIGRATION_PASSWORD=")),
                "the owner's password is not in the server's environment");
        Path handedOver = Path.of(System.getProperty("capstan.test.migration-password-file", "target/migration-password"));
        assertFalse(Files.exists(handedOver), "the file the password was handed over in is gone: " + handedOver);
    }

    /** This run's WildFly: the java process whose data directory is this module's target/server-data. */
    private static ProcessHandle testServer() {
        String dataDir = "-Djboss.server.data.dir=" + Path.of("target/server-data").toAbsolutePath();
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(dataDir)).orElse(false))
                .toList();
        assertEquals(1, servers.size(), "one process started with " + dataDir);
        return servers.get(0);
    }
}
