package dev.capstan.bench.api;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issue 10, item 3: does the server still answer other people while one user floods it with
 * project imports? A colleague (bench-load-1) reads their service as fast as answers come, first
 * alone, then while a flooder (bench-load-2, one session) posts the largest project file the
 * server takes (100 services, every field filled) from many threads at once. Reports the
 * colleague's latencies in both phases and the flood's answers by status.
 *
 * <p>Usage: {@code java -cp target/benchmarks.jar dev.capstan.bench.api.ImportFlood [--threads 16] [--seconds 20]}
 * plus ApiLoad's {@code --base --db --db-user --db-password}.
 */
public final class ImportFlood {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int threads = Integer.parseInt(options.getOrDefault("threads", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        List<ApiLoad.Client> clients = new ApiLoad(options).clients(2);
        ApiLoad.Client colleague = clients.get(0);
        ApiLoad.Client flooder = clients.get(1);
        String file = largestFile();
        System.out.printf("project file: %,d characters%n", file.length());

        report("colleague alone", read(colleague, seconds), Map.of());

        AtomicBoolean flooding = new AtomicBoolean(true);
        Map<Integer, Integer> floodAnswers = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (flooding.get()) {
                    int status;
                    try {
                        status = flooder.call("POST", "/api/v1/projects/import", file, "application/yaml").statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    synchronized (floodAnswers) {
                        floodAnswers.merge(status, 1, Integer::sum);
                    }
                }
            });
        }
        long[] during = read(colleague, seconds);
        flooding.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        report("colleague during a flood by " + threads + " threads", during, floodAnswers);
    }

    /** The colleague's read latencies in nanoseconds, sorted; a failed read counts as -1. */
    private static long[] read(ApiLoad.Client colleague, int seconds) {
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            boolean ok = colleague.read();
            latencies.add(ok ? System.nanoTime() - start : -1L);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static void report(String phase, long[] sorted, Map<Integer, Integer> flood) {
        long failed = Arrays.stream(sorted).filter(l -> l < 0).count();
        long[] ok = Arrays.stream(sorted).filter(l -> l >= 0).toArray();
        System.out.printf("%-40s reads %6d  failed %d  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  flood answers %s%n", phase,
                sorted.length, failed, ms(percentile(ok, 50)), ms(percentile(ok, 99)), ms(ok.length == 0 ? 0 : ok[ok.length - 1]),
                flood.isEmpty() ? "-" : flood);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** 100 services (the most a project has), each with 20 JSON expectations and 20 smoke checks. */
    private static String largestFile() {
        StringBuilder file = new StringBuilder("capstan: 1\nproject:\n  key: bench-flood\n  name: Flood\nservices:\n");
        for (int i = 0; i < 100; i++) {
            file.append("  - name: service-").append(i).append("\n    kind: application\n    image: ghcr.io/acme/service-").append(i)
                    .append("\n    deployOrder: ").append(i).append("\n    liveness:\n      url: /health\n      expectations:\n");
            for (int e = 0; e < 20; e++) {
                file.append("        - check").append(e).append(" == \"ok\"\n");
            }
            file.append("    smokeChecks:\n");
            for (int c = 0; c < 20; c++) {
                file.append("      - path: /page-").append(c).append("\n        bodyContains: Welcome\n");
            }
        }
        return file.toString();
    }
}
