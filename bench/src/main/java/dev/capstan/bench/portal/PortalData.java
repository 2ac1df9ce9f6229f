package dev.capstan.bench.portal;

import dev.capstan.bench.api.ApiLoad;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data set of bench/portal/run, loaded through the API as a team would: a user who maintains
 * {@code --projects} projects (3 services and 2 environments each) plus korrigo from the field
 * notes, and an auditor. Signs each in {@code --sessions} times, as that many people would be, and
 * prints the session cookies for wrk, one per line: {@code USER_COOKIE=...} and {@code AUDITOR_COOKIE=...}.
 */
public final class PortalData {

    private static final Pattern FINGERPRINT = Pattern.compile("\"fingerprint\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int projects = Integer.parseInt(options.getOrDefault("projects", "500"));
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "50"));
        URI base = URI.create(options.getOrDefault("base", "http://127.0.0.1:8480/"));
        List<ApiLoad.Client> clients = new ApiLoad(options).clients(2); // bench-load-1 and -2, plain users, signed in
        ApiLoad.Client owner = clients.get(0);

        // Two at a time: the most imports one person may run at once.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> imports = new java.util.ArrayList<>();
            for (int i = 1; i <= projects; i++) {
                String file = projectFile(String.format("bench-%03d", i));
                imports.add(pool.submit(() -> {
                    importFile(owner, file);
                    return null;
                }));
            }
            for (Future<?> done : imports) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        importFile(owner, Files.readString(Path.of(options.getOrDefault("korrigo", "docs/examples/korrigo.yaml"))));
        System.err.println(projects + " projects and korrigo imported as bench-load-1");

        try (Connection connection = DriverManager.getConnection(options.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/capstan_bench_portal"),
                options.getOrDefault("db-user", "capstan"), options.getOrDefault("db-password", "capstan"));
             PreparedStatement auditor = connection.prepareStatement("INSERT INTO capstan_user_role (user_id, role)"
                     + " SELECT id, 'AUDITOR' FROM capstan_user WHERE username = 'bench-load-2' ON CONFLICT DO NOTHING")) {
            auditor.executeUpdate();
        }
        for (int i = 0; i < sessions; i++) {
            System.out.println("USER_COOKIE=" + signedIn(base, "bench-load-1"));
            System.out.println("AUDITOR_COOKIE=" + signedIn(base, "bench-load-2")); // a new session, with the role just given
        }
    }

    private static String signedIn(URI base, String username) throws Exception {
        ApiLoad.Client client = new ApiLoad.Client(base, username, username);
        client.signIn();
        return client.cookieHeader();
    }

    /** A dry run, then its plan applied. */
    private static void importFile(ApiLoad.Client owner, String file) throws Exception {
        HttpResponse<String> plan = owner.call("POST", "/api/v1/projects/import", file, "application/yaml");
        Matcher fingerprint = FINGERPRINT.matcher(plan.body());
        if (plan.statusCode() != 200 || !fingerprint.find()) {
            throw new IllegalStateException("dry run: " + plan.statusCode() + " " + plan.body());
        }
        HttpResponse<String> applied = owner.call("POST", "/api/v1/projects/import?plan=" + fingerprint.group(1), file, "application/yaml");
        if (applied.statusCode() != 200) {
            throw new IllegalStateException("apply: " + applied.statusCode() + " " + applied.body());
        }
    }

    /** A web shop's shape: a database, an API and a worker; staging and production. */
    private static String projectFile(String key) {
        return """
                capstan: 1
                project:
                  key: %1$s
                  name: Project %1$s
                  owningTeam: Team %2$s
                services:
                  - name: db
                    kind: database
                    image: postgres:16
                    deployOrder: 10
                  - name: api
                    kind: application
                    image: ghcr.io/acme/%1$s
                    deployOrder: 20
                    liveness:
                      url: /health
                  - name: worker
                    kind: worker
                    image: ghcr.io/acme/%1$s
                    deployOrder: 30
                environments:
                  - name: staging
                    tier: staging
                    baseUrl: https://staging.%1$s.example.com
                  - name: production
                    tier: production
                    baseUrl: https://%1$s.example.com
                """.formatted(key, key.substring(key.length() - 1));
    }
}
