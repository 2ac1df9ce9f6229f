package dev.capstan.bench.api;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Samples pg_stat_activity of the server's database every 50 ms: what each of the server's
 * sessions is doing (running a statement, waiting on a lock, on the WAL, idle inside a
 * transaction while the server works in Java, idle in the pool), and, whenever a session waits on
 * a lock, what the session holding it is doing. That is where an audited change's time goes.
 */
final class Sampler implements Runnable {

    private static final String ACTIVITY = "SELECT pid, state, wait_event_type, wait_event, query, pg_blocking_pids(pid)"
            + " FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'"
            + " AND pid <> pg_backend_pid()";

    private final String url;
    private final String user;
    private final String password;
    private volatile boolean running = true;
    private int samples;
    private final Map<String, Long> states = new LinkedHashMap<>();
    private final Map<String, Long> holders = new HashMap<>();
    private long holderSamples;

    Sampler(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        for (String state : new String[]{"running", "WAL", "head-lock", "other-lock", "idle-in-tx", "idle"}) {
            states.put(state, 0L);
        }
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement activity = connection.prepareStatement(ACTIVITY)) {
            while (running) {
                sample(activity);
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot sample pg_stat_activity", e);
        }
    }

    private void sample(PreparedStatement activity) throws Exception {
        Map<Integer, String> doing = new HashMap<>();
        Map<Integer, Integer[]> blockedBy = new HashMap<>();
        try (ResultSet rows = activity.executeQuery()) {
            while (rows.next()) {
                int pid = rows.getInt(1);
                String state = rows.getString(2);
                String waitType = rows.getString(3);
                String wait = rows.getString(4);
                String query = rows.getString(5);
                String kind;
                if ("idle".equals(state) || state == null) {
                    kind = "idle";
                } else if (state.startsWith("idle in transaction")) {
                    kind = "idle-in-tx";
                } else if ("Lock".equals(waitType)) {
                    kind = query != null && query.contains("audit_chain_head") ? "head-lock" : "other-lock";
                } else if (wait != null && wait.startsWith("WAL")) {
                    kind = "WAL";
                } else {
                    kind = "running";
                }
                states.merge(kind, 1L, Long::sum);
                doing.put(pid, describe(kind, waitType, wait, query));
                Array blocking = rows.getArray(6);
                blockedBy.put(pid, (Integer[]) blocking.getArray());
            }
        }
        samples++;
        // Waiters queue behind each other (the first holds the tuple lock, waiting for the holder's
        // transaction): follow each wait to the session that waits on nobody, the one holding things up.
        Set<Integer> roots = new HashSet<>();
        for (Map.Entry<Integer, Integer[]> waiter : blockedBy.entrySet()) {
            Integer[] blockers = waiter.getValue();
            Set<Integer> seen = new HashSet<>();
            while (blockers != null && blockers.length > 0 && seen.add(blockers[0])) {
                Integer blocker = blockers[0];
                blockers = blockedBy.get(blocker);
                if (blockers == null || blockers.length == 0) {
                    roots.add(blocker);
                }
            }
        }
        for (Integer root : roots) {
            holders.merge(doing.getOrDefault(root, "(not the server's)"), 1L, Long::sum);
            holderSamples++;
        }
    }

    /** What a session does: its state and wait, and its statement (for one idle in a transaction: the last one). */
    private static String describe(String kind, String waitType, String wait, String query) {
        String statement = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        statement = statement.length() > 40 ? statement.substring(0, 40) : statement;
        return kind + (waitType == null ? "" : " " + waitType + ":" + wait) + " [" + statement + "]";
    }

    /** Sessions per sample in each state, e.g. "running 1.2 WAL 0.3 head-lock 5.1 ...". */
    String summary() {
        return states.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format("%.1f", samples == 0 ? 0 : e.getValue() / (double) samples))
                .collect(Collectors.joining("  ")) + "  (" + samples + " samples)";
    }

    /** Whenever a session waited on a lock: what the session holding it up was doing, by share of such samples. */
    String holders() {
        if (holderSamples == 0) {
            return "nobody waited";
        }
        return holders.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .map(e -> String.format("%.0f%% %s", 100.0 * e.getValue() / holderSamples, e.getKey()))
                .collect(Collectors.joining("; "));
    }
}
