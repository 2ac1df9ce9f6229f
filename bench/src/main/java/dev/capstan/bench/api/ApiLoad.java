package dev.capstan.bench.api;

import dev.capstan.access.entity.PasswordHash;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load on a running Capstan through its REST API: N clients, each signed in as its own user and
 * owning its own project with one service, either change that service (PUT with its version: an
 * audited change) or read it (GET: no audit entry) as fast as the server answers. Reports
 * requests per second, p50 and p99, and, from pg_stat_activity sampled every 50 ms, what the
 * server's database sessions were doing: where the time goes. See bench/README.md.
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar dev.capstan.bench.api.ApiLoad [options]}
 * <pre>
 *   --base http://127.0.0.1:8280/                          the server
 *   --db jdbc:postgresql://127.0.0.1:5432/capstan_bench_api  its database (users are created there)
 *   --db-user capstan --db-password capstan                  a role that may insert users and read pg_stat_activity
 *   --clients 1,8,32   --modes change,read   --seconds 25   --warmup 5   --repeat 1
 * </pre>
 */
public final class ApiLoad {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final String PASSWORD = "bench-load-password";

    private final URI base;
    private final String db;
    private final String dbUser;
    private final String dbPassword;

    public ApiLoad(Map<String, String> options) {
        base = URI.create(options.getOrDefault("base", "http://127.0.0.1:8280/"));
        db = options.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/capstan_bench_api");
        dbUser = options.getOrDefault("db-user", "capstan");
        dbPassword = options.getOrDefault("db-password", "capstan");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int[] clients = Arrays.stream(options.getOrDefault("clients", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray();
        List<String> modes = List.of(options.getOrDefault("modes", "change,read").split(","));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "25"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int repeat = Integer.parseInt(options.getOrDefault("repeat", "1"));

        ApiLoad load = new ApiLoad(options);
        List<Client> all = load.clients(Arrays.stream(clients).max().orElse(1));
        System.out.printf("%-6s %7s %9s %8s %8s %8s %6s  %s%n", "mode", "clients", "req/s", "p50 ms", "p99 ms", "errors", "load", "database sessions (mean per sample)");
        for (int round = 0; round < repeat; round++) {
            for (int n : clients) {
                for (String mode : modes) {
                    load.run(all.subList(0, n), mode, warmup, seconds);
                }
            }
        }
    }

    /** Users bench-load-1..n (made in the database, as TestDatabase does), signed in, each with project and service. */
    public List<Client> clients(int n) throws Exception {
        String hash = PasswordHash.of(PASSWORD.toCharArray()).encoded(); // one hash for all: 600,000 rounds each
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = DriverManager.getConnection(db, dbUser, dbPassword)) {
            for (int i = 1; i <= n; i++) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO capstan_user (username, display_name, password_hash, must_change_password, enabled,"
                                + " created_at, password_changed_at) VALUES (?, ?, ?, false, true, ?, ?)"
                                + " ON CONFLICT (username) DO NOTHING")) {
                    insert.setString(1, "bench-load-" + i);
                    insert.setString(2, "bench-load-" + i);
                    insert.setString(3, hash);
                    insert.setTimestamp(4, now);
                    insert.setTimestamp(5, now);
                    insert.executeUpdate();
                }
                try (PreparedStatement role = connection.prepareStatement("INSERT INTO capstan_user_role (user_id, role)"
                        + " SELECT id, 'USER' FROM capstan_user WHERE username = ? ON CONFLICT DO NOTHING")) {
                    role.setString(1, "bench-load-" + i);
                    role.executeUpdate();
                }
            }
        }
        List<Client> clients = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Client client = new Client(base, "bench-load-" + i, "bench-load-" + i);
            client.signIn();
            client.ownProject();
            clients.add(client);
        }
        System.out.println(n + " clients signed in, each with project bench-load-<n> and its service web");
        return clients;
    }

    private void run(List<Client> clients, String mode, int warmup, int seconds) throws Exception {
        boolean change = mode.equals("change");
        drive(clients, change, warmup);
        Sampler sampler = new Sampler(db, dbUser, dbPassword);
        Thread sampling = new Thread(sampler, "pg_stat_activity");
        sampling.start();
        double load = loadAverage();
        List<long[]> latencies = drive(clients, change, seconds);
        sampler.stop();
        sampling.join();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).filter(l -> l >= 0).sorted().toArray();
        long errors = latencies.stream().flatMapToLong(Arrays::stream).filter(l -> l < 0).count();
        double rate = all.length / (double) seconds;
        System.out.printf("%-6s %7d %9.1f %8.1f %8.1f %8d %6.2f  %s%n", mode, clients.size(), rate,
                percentile(all, 50) / 1e6, percentile(all, 99) / 1e6, errors, load, sampler.summary());
        System.out.println("         lock holder while others waited: " + sampler.holders());
    }

    /** Every client requests as fast as it is answered for {@code seconds}; each one's latencies in ns (negative: failed). */
    private static List<long[]> drive(List<Client> clients, boolean change, int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        long[][] results = new long[clients.size()][];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Client client = clients.get(i);
            int index = i;
            Thread thread = new Thread(() -> {
                long[] times = new long[1024];
                int count = 0;
                while (running.get()) {
                    long start = System.nanoTime();
                    boolean ok = change ? client.change() : client.read();
                    long took = System.nanoTime() - start;
                    if (running.get()) { // a request cut by the end of the run does not count
                        if (count == times.length) {
                            times = Arrays.copyOf(times, count * 2);
                        }
                        times[count++] = ok ? took : -1;
                    }
                }
                results[index] = Arrays.copyOf(times, count);
            }, client.username);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return Arrays.asList(results);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** One signed-in user with their own session (cookie), HTTP connection, project and service. */
    public static final class Client {

        private final URI base;
        private final String username;
        private final String projectKey;
        private final HttpClient http;
        private long version;
        private long changes;

        public Client(URI base, String username, String projectKey) {
            this.base = base;
            this.username = username;
            this.projectKey = projectKey;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        }

        /** Posts the sign-in form as a browser does (PortalClient#signIn). */
        public void signIn() throws Exception {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/signin.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher viewState = VIEW_STATE.matcher(form.body());
            if (!viewState.find()) {
                throw new IllegalStateException("/signin.xhtml has no form: " + form.statusCode());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("signin", "signin");
            fields.put("signin:username", username);
            fields.put("signin:password", PASSWORD);
            fields.put("signin:submit", "signin:submit");
            fields.put("jakarta.faces.ViewState", viewState.group(1));
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(base.resolve("/signin.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 302) {
                throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode());
            }
        }

        /** Creates the project and its service unless an earlier run did, and reads the service's version. */
        void ownProject() throws Exception {
            if (call("GET", "/api/v1/projects/" + projectKey, null).statusCode() == 404) {
                HttpResponse<String> project = call("POST", "/api/v1/projects",
                        "{\"key\": \"" + projectKey + "\", \"name\": \"Load " + projectKey + "\"}");
                if (project.statusCode() != 201) {
                    throw new IllegalStateException("POST project: " + project.statusCode() + " " + project.body());
                }
            }
            HttpResponse<String> read = call("GET", servicePath(), null);
            if (read.statusCode() == 404) {
                HttpResponse<String> service = call("POST", "/api/v1/projects/" + projectKey + "/services", body("ghcr.io/acme/load:0", null));
                if (service.statusCode() != 201) {
                    throw new IllegalStateException("POST service: " + service.statusCode() + " " + service.body());
                }
                read = call("GET", servicePath(), null);
            }
            version = version(read);
        }

        /** An audited change: a new image, with the version last read. */
        boolean change() {
            try {
                HttpResponse<String> answer = call("PUT", servicePath(), body("ghcr.io/acme/load:" + (++changes) + "-" + System.nanoTime(), version));
                if (answer.statusCode() != 200) {
                    System.err.println(username + " PUT " + answer.statusCode() + " " + answer.body());
                    version = version(call("GET", servicePath(), null));
                    return false;
                }
                version = version(answer);
                return true;
            } catch (Exception e) {
                System.err.println(username + " PUT failed: " + e);
                return false;
            }
        }

        /** An unaudited read of the same service. */
        boolean read() {
            try {
                HttpResponse<String> answer = call("GET", servicePath(), null);
                return answer.statusCode() == 200;
            } catch (Exception e) {
                System.err.println(username + " GET failed: " + e);
                return false;
            }
        }

        private String servicePath() {
            return "/api/v1/projects/" + projectKey + "/services/web";
        }

        private static String body(String image, Long version) {
            return "{\"name\": \"web\", \"kind\": \"application\", \"image\": \"" + image + "\", \"deployOrder\": 10,"
                    + " \"essential\": true, \"liveness\": {\"url\": \"/health/live\", \"status\": 200}"
                    + (version == null ? "" : ", \"version\": " + version) + "}";
        }

        private static long version(HttpResponse<String> answer) {
            Matcher version = VERSION.matcher(answer.body());
            if (answer.statusCode() != 200 || !version.find()) {
                throw new IllegalStateException("no version in " + answer.statusCode() + " " + answer.body());
            }
            return Long.parseLong(version.group(1));
        }

        private HttpResponse<String> call(String method, String path, String json) throws Exception {
            return call(method, path, json, "application/json");
        }

        /** The session cookie, as a Cookie header holds it, for tools that sign in no one (wrk). */
        public String cookieHeader() {
            return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        }

        public HttpResponse<String> call(String method, String path, String body, String contentType) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json, application/problem+json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
