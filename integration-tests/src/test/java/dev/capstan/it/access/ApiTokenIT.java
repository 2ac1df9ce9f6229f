package dev.capstan.it.access;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.Trail;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.capstan.it.support.Json.object;
import static dev.capstan.it.support.Json.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal API tokens, as a person makes one on the portal and a script uses it: docs/api.md's
 * curl recipe as written, the token's limits, its name on every change made with it, its last use
 * on the page, and revocation.
 */
class ApiTokenIT extends PortalTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("capstan.test.repository", ".."));

    @Test
    void theCurlRecipeOfTheApiGuideCreatesAndReadsAProjectWithAToken() throws Exception {
        PortalClient henry = signedIn("token-henry", GlobalRole.USER);
        String token = henry.makeToken("Recipe script", null, false);
        assertTrue(token.startsWith("capstan_") && token.length() == 51, token);

        String recipe = recipe();
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", recipe).redirectErrorStream(true);
        bash.environment().put("CAPSTAN_URL", base.toString().replaceFirst("/$", ""));
        bash.environment().put("CAPSTAN_TOKEN", token);
        Process shell = bash.start();
        shell.getOutputStream().close();
        assertTrue(shell.waitFor(60, TimeUnit.SECONDS));
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, shell.exitValue(), "the recipe as written:\n" + recipe + "\n" + output);
        assertTrue(output.contains("\"key\":\"web-shop\"") && output.contains("\"name\":\"Web shop\""), output);

        JsonObject created = object(henry.call("GET", "/api/v1/projects/web-shop", null));
        assertEquals("maintainer", created.getString("standing"), "the token acted as its owner");
        String details = Trail.await("SELECT details FROM audit_entry WHERE action = 'project.created' AND target_name = ? ORDER BY sequence DESC LIMIT 1",
                "web-shop");
        assertEquals("Recipe script", object(details).getString("apiToken", null), "the change names the token");
        String page = henry.get("/account/tokens.xhtml").body();
        assertTrue(page.contains("Recipe script") && !page.contains(token), "listed, never shown again");
        assertFalse(page.contains(">never<"), "its last use is shown");
    }

    @Test
    void aTokenStaysWithinItsLimitsAndIsRefusedOnceRevoked() throws Exception {
        PortalClient iris = signedIn("token-iris", GlobalRole.USER);
        assertEquals(201, iris.call("POST", "/api/v1/projects", "{\"key\": \"token-limits\", \"name\": \"Limits\"}").statusCode());
        assertEquals(201, iris.call("POST", "/api/v1/projects", "{\"key\": \"token-other\", \"name\": \"Other\"}").statusCode());
        URI portal = URI.create(base.toString());
        PortalClient reader = PortalClient.withToken(portal, iris.makeToken("Dashboard reader", "token-limits", true));

        HttpResponse<String> read = reader.call("GET", "/api/v1/projects/token-limits", null);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.headers().firstValue("Set-Cookie").isEmpty(), "a token call makes no session");
        assertEquals("The token Dashboard reader may only read.",
                problem(reader.call("PUT", "/api/v1/projects/token-limits", "{\"name\": \"x\", \"version\": 0}"), 403).getString("detail"));
        assertEquals("The token Dashboard reader reaches project token-limits only.",
                problem(reader.call("GET", "/api/v1/projects/token-other", null), 403).getString("detail"));
        problem(reader.call("GET", "/api/v1/projects", null), 403);
        assertEquals(302, reader.call("GET", "/projects/", null).statusCode(), "pages take no tokens");

        HttpResponse<String> revoked = iris.submit("/account/tokens.xhtml", "tokens", Map.of(), "table:0:revoke");
        assertTrue(revoked.body().contains("The token is revoked"), revoked.body());
        HttpResponse<String> afterRevocation = reader.call("GET", "/api/v1/projects/token-limits", null);
        assertEquals("The API token is unknown, expired or revoked. Make a new one on your Account page.",
                problem(afterRevocation, 401).getString("detail"));
        assertEquals("Bearer error=\"invalid_token\"", afterRevocation.headers().firstValue("WWW-Authenticate").orElse(null));
        HttpResponse<String> unknown = PortalClient.withToken(portal, "capstan_" + "A".repeat(43)).call("GET", "/api/v1/projects", null);
        problem(unknown, 401);
        String requestId = unknown.headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals("127.0.0.1", Trail.await("SELECT client_address FROM audit_entry WHERE action = 'signin.failed'"
                + " AND target_type = 'api-token' AND request_id = ?", requestId), "the refusal says where it came from, under the answer's request id");
        assertTrue(iris.get("/account/tokens.xhtml").body().contains("revoked"));
    }

    /** The recipe block of docs/api.md, without its two export lines: the test sets those. */
    private String recipe() throws Exception {
        String guide = Files.readString(REPOSITORY.resolve("docs/api.md"));
        Matcher block = Pattern.compile("```sh\\n(export CAPSTAN_URL=.*?)```", Pattern.DOTALL).matcher(guide);
        assertTrue(block.find(), "docs/api.md has the token recipe");
        return block.group(1).replaceAll("(?m)^export .*\\n", "");
    }
}
