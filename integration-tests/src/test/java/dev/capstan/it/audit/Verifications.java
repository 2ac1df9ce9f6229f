package dev.capstan.it.audit;

import dev.capstan.it.support.PortalClient;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two ways the audit tests check the chain: the server's "Verify now", and the offline verifier on an export. */
final class Verifications {

    static final Path KEYS = Path.of("target/server-data/capstan/keys");
    private static final Path SERVER = Path.of(System.getProperty("capstan.test.server", "target/wildfly"));

    private Verifications() {
    }

    /** What the offline verifier printed, and its exit status. */
    record Verdict(int exitCode, String output) {
    }

    /** Presses "Verify now" as {@code auditor} and checks the result shown says every fragment. */
    static void assertVerificationSays(PortalClient auditor, String... expected) throws Exception {
        HttpResponse<String> page = auditor.submit("/audit/index.xhtml", "verification", Map.of(), "verify");
        assertEquals(200, page.statusCode());
        String result = page.body().replaceAll("(?s).*<p id=\"last-verification\">(.*?)</p>.*", "$1").strip()
                .replace("&#39;", "'").replace("&quot;", "\"");
        for (String fragment : expected) {
            assertTrue(result.contains(fragment), "expected '" + fragment + "' in: " + result);
        }
    }

    /** Runs the verifier shipped in the server's bin/ on {@code export} with the server's public key. */
    static Verdict offlineVerify(Path export) throws IOException, InterruptedException {
        Process verifier = new ProcessBuilder("java", "-jar", SERVER.resolve("bin/audit-verify.jar").toString(),
                export.toString(), "--public-key", KEYS.resolve("audit-checkpoint.pub").toString()).redirectErrorStream(true).start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(verifier.waitFor(60, TimeUnit.SECONDS));
        return new Verdict(verifier.exitValue(), output);
    }
}
