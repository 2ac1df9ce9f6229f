package dev.capstan.it.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/capstan.sh as production starts it with two roles, up to the moment it hands over to
 * WildFly: the owner's password must reach the server in a file only its user can read, not in
 * the environment every process of the server inherits. A stand-in for standalone.sh records
 * what WildFly would have been given; the database check before it runs for real.
 */
class StartScriptIT {

    private static final Path SERVER = Path.of("target/wildfly");

    @Test
    void theOwnersPasswordReachesTheServerInAPrivateFileNotInItsEnvironment(@TempDir Path home) throws Exception {
        String password = System.getProperty("capstan.test.db.password", "capstan");
        Map<String, String> environment = Map.of(
                "CAPSTAN_DB_USER", System.getProperty("capstan.test.db.app.user", "capstan_app"),
                "CAPSTAN_DB_PASSWORD", System.getProperty("capstan.test.db.app.password", "capstan_app"),
                "CAPSTAN_DB_MIGRATION_USER", System.getProperty("capstan.test.db.user", "capstan"),
                "CAPSTAN_DB_MIGRATION_PASSWORD", password);
        Path data = home.resolve("data");
        Run run = runScript(home, environment);
        assertEquals(0, run.exit(), run.output());

        List<String> serverEnvironment = Files.readAllLines(data.resolve("environment"));
        assertTrue(serverEnvironment.contains("CAPSTAN_DB_MIGRATION_USER=" + environment.get("CAPSTAN_DB_MIGRATION_USER")));
        assertFalse(serverEnvironment.stream().anyMatch(variable -> variable.startsWith("CAPSTAN_DB_MIGRATION_PASSWORD=")),
                "the owner's password is not in the server's environment");

        List<String> arguments = Files.readAllLines(data.resolve("arguments"));
        String prefix = "-Dcapstan.db.migration-password-file=";
        Path handedOver = Path.of(arguments.stream().filter(argument -> argument.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + arguments)).substring(prefix.length()));
        assertEquals(password, Files.readString(handedOver), "the file holds the password, nothing else");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(handedOver)),
                "only the server's user may read it");
    }

    /**
     * The documented case of trust authentication: an empty CAPSTAN_DB_PASSWORD. WildFly refuses an
     * empty datasource password, so the script hands none on when the database let it in without one;
     * where the database wants a password, the script says so in one line instead.
     */
    @Test
    void anEmptyDatabasePasswordForTrustAuthenticationIsNotHandedToWildFly(@TempDir Path home) throws Exception {
        Map<String, String> environment = Map.of("CAPSTAN_DB_USER", System.getProperty("capstan.test.db.user", "capstan"),
                "CAPSTAN_DB_PASSWORD", "");
        ProcessBuilder check = new ProcessBuilder("psql", "-X", "-w", "-h", "127.0.0.1", "-U", environment.get("CAPSTAN_DB_USER"),
                "-d", "postgres", "-tAc", "select 1").redirectErrorStream(true);
        check.environment().remove("PGPASSWORD");
        boolean trusted = check.start().waitFor() == 0;

        Run run = runScript(home, environment);

        if (trusted) {
            assertEquals(0, run.exit(), run.output());
            List<String> serverEnvironment = Files.readAllLines(home.resolve("data/environment"));
            assertFalse(serverEnvironment.stream().anyMatch(variable -> variable.startsWith("CAPSTAN_DB_PASSWORD=")),
                    "no empty password reaches WildFly: " + serverEnvironment);
        } else {
            assertEquals(2, run.exit(), run.output());
            assertTrue(run.output().contains("Capstan cannot start: CAPSTAN_DB_PASSWORD is not the password"), run.output());
        }
    }

    private record Run(int exit, String output) {
    }

    /** Runs bin/capstan.sh as production does, up to WildFly, which a stand-in replaces. */
    private static Run runScript(Path home, Map<String, String> settings) throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.copy(SERVER.resolve("bin/capstan.sh"), bin.resolve("capstan.sh"));
        Files.copy(SERVER.resolve("bin/CapstanDatabaseCheck.java"), bin.resolve("CapstanDatabaseCheck.java"));
        Files.copy(SERVER.resolve("bin/CapstanKeyCheck.java"), bin.resolve("CapstanKeyCheck.java"));
        Files.createDirectories(home.resolve("modules/org/postgresql"));
        Files.createSymbolicLink(home.resolve("modules/org/postgresql/main"), SERVER.resolve("modules/org/postgresql/main").toAbsolutePath());
        Path standalone = Files.writeString(bin.resolve("standalone.sh"), """
                #!/bin/sh
                # Stands in for WildFly: records what it was started with.
                env > "$CAPSTAN_DATA_DIR/environment"
                printf '%s\\n' "$@" > "$CAPSTAN_DATA_DIR/arguments"
                """);
        Files.setPosixFilePermissions(standalone, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder start = new ProcessBuilder("bash", bin.resolve("capstan.sh").toString()).redirectErrorStream(true);
        Map<String, String> environment = start.environment();
        environment.keySet().removeIf(name -> name.startsWith("CAPSTAN_"));
        environment.put("CAPSTAN_DATA_DIR", home.resolve("data").toString());
        environment.put("CAPSTAN_DB_URL", System.getProperty("capstan.test.db.url"));
        environment.putAll(settings);
        Process script = start.start();
        String output = new String(script.getInputStream().readAllBytes());
        assertTrue(script.waitFor(60, TimeUnit.SECONDS), "capstan.sh ran");
        return new Run(script.exitValue(), output);
    }
}
