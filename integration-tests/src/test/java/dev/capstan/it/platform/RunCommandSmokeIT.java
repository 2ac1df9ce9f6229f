package dev.capstan.it.platform;

import dev.capstan.it.support.FromAddress;
import dev.capstan.it.support.PortalClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command, as a new user types it (without the build, which this Maven run has
 * just done): on the embedded database it starts, prints a first-admin password that works,
 * serves the sign-in page, stops on Ctrl-C, and keeps its data for the next start.
 */
class RunCommandSmokeIT {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S{20})\\s+\\(shown this once\\)");
    private static final URI PORTAL = URI.create("http://localhost:8080/");

    private final Path repository = Path.of(System.getProperty("capstan.test.repository", ".."));
    private Process running;

    @Test
    void startsServesTheSignInPageStopsAndKeepsItsData() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-command-data").toAbsolutePath();

        List<String> firstRun = start(data);
        String password = firstRun.stream().map(PASSWORD::matcher).filter(Matcher::find).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("no first-admin password printed:\n" + String.join("\n", firstRun)));
        assertTrue(firstRun.stream().anyMatch(line -> line.contains("http://localhost:8080/")), "the URL is printed");

        PortalClient browser = new PortalClient(PORTAL);
        HttpResponse<String> signInPage = browser.get("/signin.xhtml");
        assertEquals(200, signInPage.statusCode());
        assertTrue(signInPage.body().contains("Sign in"));
        HttpResponse<String> signedIn = browser.signIn("admin", password);
        assertTrue(PortalClient.location(signedIn).endsWith("/account/password.xhtml"),
                "the printed password signs the first admin in, who must change it");
        assertTrue(Files.exists(data.resolve("server/capstan/capstan.mv.db")), "the embedded database is in the data directory");

        assertStopsCleanly(firstRun);
        List<String> timers = persistentTimers(data);
        assertEquals(2, timers.size(), "the audit trail's hourly checkpoint and nightly verification: " + timers);

        List<String> secondRun = start(data);
        assertFalse(secondRun.stream().anyMatch(line -> PASSWORD.matcher(line).find()), "a restart prints no new password");
        assertEquals(302, new PortalClient(PORTAL).signIn("admin", password).statusCode(), "the first admin is still there");
        assertStopsCleanly(secondRun);
        assertEquals(timers, persistentTimers(data), "the same persistent timers after a restart, none added");
    }

    @Test
    void theDemoFlagLoadsTheFiveFieldNotesProjectsOnce() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-command-demo").toAbsolutePath();

        List<String> firstRun = start(data, "--demo");
        for (String project : List.of("booking", "fintech", "korrigo", "mailhook", "scanner")) {
            assertTrue(firstRun.stream().anyMatch(line -> line.contains("Demo project " + project + " loaded")),
                    project + " is loaded:\n" + String.join("\n", firstRun));
        }
        // The first administrator's dashboard: the first steps (nobody else has an account yet) and the projects.
        String password = firstRun.stream().map(PASSWORD::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
        PortalClient admin = new PortalClient(PORTAL);
        admin.signIn("admin", password);
        admin.submit("/account/password.xhtml", "password",
                Map.of("currentPassword", password, "newPassword", "harbour-demo-admin-77", "confirmation", "harbour-demo-admin-77"), "change");
        String dashboard = admin.get("/index.xhtml").body();
        assertTrue(dashboard.contains("First steps") && dashboard.contains("Create the users"), dashboard);
        assertTrue(dashboard.contains("Korrigo") && dashboard.contains("6 services, 3 environments"), "each project with its counts:\n" + dashboard);
        assertFalse(dashboard.contains("Deployments") || dashboard.contains("soon"), "nothing that is not built");
        assertStopsCleanly(firstRun);

        List<String> secondRun = start(data, "--demo");
        assertFalse(secondRun.stream().anyMatch(line -> line.contains("Demo project")), "a restart loads nothing again");
        assertStopsCleanly(secondRun);
    }

    @Test
    void aWrongDatabaseSettingIsReportedInOneLineNamingTheVariable() throws Exception {
        String database = System.getProperty("capstan.test.db.url");
        String user = System.getProperty("capstan.test.db.user");
        String password = System.getProperty("capstan.test.db.password");
        String unknownDatabase = database.substring(0, database.lastIndexOf('/')) + "/no_such_capstan_database";

        assertRefused(Map.of("CAPSTAN_DB_URL", "postgres://127.0.0.1/capstan", "CAPSTAN_DB_USER", user, "CAPSTAN_DB_PASSWORD", password),
                "CAPSTAN_DB_URL must look like jdbc:postgresql://");
        assertRefused(Map.of("CAPSTAN_DB_URL", database, "CAPSTAN_DB_PASSWORD", password),
                "CAPSTAN_DB_USER is not set");
        assertRefused(Map.of("CAPSTAN_DB_URL", "jdbc:postgresql://127.0.0.1:1/capstan", "CAPSTAN_DB_USER", user, "CAPSTAN_DB_PASSWORD", password),
                "CAPSTAN_DB_URL jdbc:postgresql://127.0.0.1:1/capstan cannot be reached");
        assertRefused(Map.of("CAPSTAN_DB_URL", unknownDatabase, "CAPSTAN_DB_USER", user, "CAPSTAN_DB_PASSWORD", password),
                "CAPSTAN_DB_URL names a database that does not exist");
        assertRefused(Map.of("CAPSTAN_DB_URL", database, "CAPSTAN_DB_USER", "no_such_capstan_role", "CAPSTAN_DB_PASSWORD", password),
                "CAPSTAN_DB_USER 'no_such_capstan_role' may not sign in");
    }

    @Test
    void aMissingOrForeignAuditKeyStopsTheStartNamingTheFileAndARotationIsDeliberateAndAudited() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-command-keys").toAbsolutePath();
        List<String> firstRun = start(data);
        String password = firstRun.stream().map(PASSWORD::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
        assertEquals(302, new PortalClient(PORTAL).signIn("admin", password).statusCode(), "a first entry in the trail");
        assertStopsCleanly(firstRun);
        Path keys = data.resolve("server/capstan/keys");
        Path publicKey = keys.resolve("audit-checkpoint.pub");
        Path signingKey = keys.resolve("audit-checkpoint.key");
        String genuine = Files.readString(publicKey);

        Files.delete(publicKey);
        assertKeyRefused(data, "the audit public key " + publicKey + " is missing");
        KeyPair foreign = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(foreign.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        assertKeyRefused(data, "the audit public key " + publicKey + " does not belong to the signing key " + signingKey);
        Files.delete(publicKey);
        Files.delete(signingKey);
        assertKeyRefused(data, "the audit signing key " + signingKey + " and " + publicKey + " are missing, but the audit trail has entries");

        // The administrator rotates on purpose: the old public key (restored from a backup) is kept to verify old checkpoints.
        Files.writeString(publicKey, genuine);
        List<String> rotated = start(data, Map.of("CAPSTAN_AUDIT_ROTATE_KEYS", "true"));
        try (var retired = Files.list(keys.resolve("retired"))) {
            List<Path> kept = retired.toList();
            assertEquals(1, kept.size(), kept.toString());
            assertEquals(genuine, Files.readString(kept.get(0)), "the old public key is kept");
        }
        assertTrue(Files.exists(signingKey) && !Files.readString(publicKey).equals(genuine), "a new pair signs from now on");
        PortalClient admin = new PortalClient(PORTAL);
        admin.signIn("admin", password);
        admin.submit("/account/password.xhtml", "password",
                Map.of("currentPassword", password, "newPassword", "rotating-admin-2026", "confirmation", "rotating-admin-2026"), "change");
        HttpResponse<String> audit = admin.submit("/audit/index.xhtml", "log", Map.of("action", "audit.keys-rotated"), "search");
        assertTrue(audit.body().contains("audit.keys-rotated"), "the rotation is in the audit trail:\n" + audit.body());
        assertStopsCleanly(rotated);
        assertStopsCleanly(start(data)); // and the next start, without the setting, uses the new pair
    }

    /**
     * Behind an HTTPS proxy (docs/operations.md, "Behind an HTTPS proxy"): redirects go to the public
     * URL whatever Host a request names, the session cookie is Secure with the __Host- prefix, the
     * client is the one the trusted proxy forwards for (and only a trusted proxy is believed), and
     * a session ends at its absolute lifetime however busy it is.
     */
    @Test
    void behindAnHttpsProxyRedirectsCookiesAndClientAddressesFollowThePublicUrlAndTheProxy() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-command-proxy").toAbsolutePath();
        List<String> run = start(data, Map.of("CAPSTAN_PUBLIC_URL", "https://capstan.example.test",
                "CAPSTAN_TRUSTED_PROXIES", "127.0.0.1", "CAPSTAN_SESSION_MAX_LIFETIME", "PT20S"));
        String password = run.stream().map(PASSWORD::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();

        FromAddress.Answer asked = new FromAddress("127.0.0.1", PORTAL).with("Host", "evil.example").get("/projects/");
        assertEquals(302, asked.status());
        assertTrue(asked.header("Location").startsWith("https://capstan.example.test/"), "not to the Host typed: " + asked.header("Location"));

        // Five wrong guesses at admin by one client behind the proxy refuse admin to that client only.
        for (int guess = 1; guess <= 5; guess++) {
            new FromAddress("127.0.0.1", PORTAL).with("X-Forwarded-For", "203.0.113.9").signIn("admin", "wrong-guess-" + guess);
        }
        FromAddress.Answer guesser = new FromAddress("127.0.0.1", PORTAL).with("X-Forwarded-For", "203.0.113.9").signIn("admin", password);
        assertEquals(200, guesser.status(), "refused to the guessing client, even with the right password");
        // A peer that is not a trusted proxy is not believed: it is 127.0.0.2, whatever it says it forwards for.
        FromAddress admin = new FromAddress("127.0.0.2", PORTAL).with("X-Forwarded-For", "203.0.113.9");
        FromAddress.Answer signedIn = admin.signIn("admin", password);
        assertEquals(302, signedIn.status(), signedIn.body());
        long signedInAt = System.nanoTime();
        assertEquals("https://capstan.example.test/account/password.xhtml", signedIn.header("Location"));
        String cookie = signedIn.header("Set-Cookie");
        assertTrue(cookie != null && cookie.startsWith("__Host-CAPSTAN_SESSION="), "the session cookie: " + cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; path=/;") && cookie.toLowerCase(java.util.Locale.ROOT).contains("; secure"),
                "the session cookie: " + cookie);

        assertEquals(200, admin.get("/account/password.xhtml").status());
        Thread.sleep(Math.max(0, TimeUnit.SECONDS.toMillis(21) - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signedInAt)));
        FromAddress.Answer outlived = admin.get("/account/password.xhtml");
        assertEquals(302, outlived.status(), "20 seconds after sign-in the session is over");
        assertTrue(admin.get("/account/password.xhtml").header("Location").startsWith("https://capstan.example.test/signin.xhtml"),
                "and the page asks for sign-in again");
        assertStopsCleanly(run);
    }

    /** The start stops itself with one line naming the key file at fault. */
    private void assertKeyRefused(Path data, String expectedMessage) throws IOException, InterruptedException {
        assertStartStops(data, Map.of(), expectedMessage);
    }

    /** WildFly starts, the portal does not deploy: the run command stops the server and exits non-zero, saying why in one line. */
    @Test
    void aPortalThatFailsToDeployStopsTheStartWithOneLine() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-command-broken").toAbsolutePath();
        assertStartStops(data, Map.of("CAPSTAN_PUBLIC_URL", "ftp://capstan.example.test"),
                "the portal failed to deploy: CAPSTAN_PUBLIC_URL must be the address people open");
    }

    private void assertStartStops(Path data, Map<String, String> environment, String expectedMessage) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder("setsid", "bash", repository.resolve("capstan").toString(), "run", "--no-build")
                .redirectErrorStream(true);
        command.environment().keySet().removeIf(name -> name.startsWith("CAPSTAN_"));
        command.environment().put("CAPSTAN_DATA_DIR", data.toString());
        command.environment().putAll(environment);
        running = command.start();
        List<String> collected = collect(running);
        boolean stopped = running.waitFor(120, TimeUnit.SECONDS);
        Thread.sleep(300);
        String output = String.join("\n", collected);
        assertTrue(stopped, "the server stopped itself:\n" + output);
        assertTrue(running.exitValue() != 0, output);
        running = null;
        List<String> lines = output.lines().filter(line -> line.contains("Capstan cannot start: ")).toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).contains(expectedMessage), lines.get(0));
    }

    /** The run command stops before WildFly starts, with exit status 2 and one line of explanation. */
    private void assertRefused(Map<String, String> environment, String expectedMessage) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder("bash", repository.resolve("capstan").toString(), "run", "--no-build")
                .redirectErrorStream(true);
        command.environment().keySet().removeIf(name -> name.startsWith("CAPSTAN_"));
        command.environment().putAll(environment);
        Process refused = command.start();
        String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, refused.exitValue(), output);
        List<String> lines = output.lines().filter(line -> line.startsWith("Capstan cannot start: ")).toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).contains(expectedMessage), output);
        assertFalse(output.contains("WFLYSRV0049"), "WildFly was not started:\n" + output);
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
    }

    /** The persistent EJB timers in the data directory's file store, by id. */
    private static List<String> persistentTimers(Path data) throws IOException {
        try (var files = Files.walk(data.resolve("server/timers"))) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** Starts {@code ./capstan run --no-build} in its own process group and waits until WildFly has started. */
    private List<String> start(Path data, String... options) throws IOException, InterruptedException {
        return start(data, Map.of(), options);
    }

    private List<String> start(Path data, Map<String, String> environment, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("setsid", "bash", repository.resolve("capstan").toString(), "run", "--no-build"));
        arguments.addAll(List.of(options));
        ProcessBuilder command = new ProcessBuilder(arguments).redirectErrorStream(true);
        command.environment().keySet().removeIf(name -> name.startsWith("CAPSTAN_"));
        command.environment().put("CAPSTAN_DATA_DIR", data.toString());
        command.environment().putAll(environment);
        running = command.start();
        List<String> output = collect(running);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (output.stream().noneMatch(line -> line.contains("WFLYSRV0025") || line.contains("WFLYSRV0026"))) {
            if (!running.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the run command did not start:\n" + String.join("\n", output));
            }
            Thread.sleep(200);
        }
        assertTrue(output.stream().anyMatch(line -> line.contains("WFLYSRV0025")),
                "started without errors:\n" + String.join("\n", output));
        return output;
    }

    /** The process's output lines, collected as they come by a thread of their own. */
    private static List<String> collect(Process process) {
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException ended) {
                // the process went away
            }
        });
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    /** Ctrl-C: SIGINT to the whole process group, as a terminal sends it. */
    private void assertStopsCleanly(List<String> output) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", "--", "-" + running.pid()).inheritIO().start().waitFor();
        assertTrue(running.waitFor(60, TimeUnit.SECONDS), "stopped within a minute of Ctrl-C");
        Thread.sleep(300);
        assertTrue(output.stream().anyMatch(line -> line.contains("WFLYSRV0050")),
                "WildFly reports a clean stop:\n" + String.join("\n", output.subList(Math.max(0, output.size() - 20), output.size())));
        running = null;
    }

    @AfterEach
    void stopLeftovers() throws IOException, InterruptedException {
        if (running != null && running.isAlive()) {
            new ProcessBuilder("kill", "-KILL", "--", "-" + running.pid()).start().waitFor();
        }
    }
}
