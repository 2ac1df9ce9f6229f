package dev.capstan.it.platform;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import dev.capstan.it.support.Trail;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.capstan.it.support.Json.errorFields;
import static dev.capstan.it.support.Json.object;
import static dev.capstan.it.support.Json.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input no person types by mistake: NUL characters, numbers that do not fit, unknown and repeated
 * fields, huge bodies. Each is a 400 (or 413) problem naming what was wrong, never a 500, and
 * nothing is written. Then every operation of the server's OpenAPI document is fuzzed the same way.
 */
class BadInputIT extends PortalTest {

    private static final String PROJECTS = "/api/v1/projects";
    private static final String SERVICE = """
            {"name": "web", "kind": "application", "image": "ghcr.io/acme/web", "deployOrder": %s}""";

    @Test
    void eachBadValueIsA400NamingItsFieldAndNothingIsWritten() throws Exception {
        PortalClient owner = signedIn("bad-input-owner", GlobalRole.USER);
        assertEquals(201, owner.call("POST", PROJECTS, "{\"key\": \"bad-input\", \"name\": \"Bad input\"}").statusCode());
        String services = PROJECTS + "/bad-input/services";

        assertRefused(owner.call("POST", PROJECTS, "{\"key\": \"nul-name\", \"name\": \"a\\u0000b\"}"), "name", "NUL character");
        for (String number : List.of("9223372036854775808", "1e308", "1.5", "2147483648", "\"ten\"")) {
            assertRefused(owner.call("POST", services, SERVICE.formatted(number)), "deployOrder", "whole number");
        }
        assertRefused(owner.call("POST", services, SERVICE.formatted("10").replace("}", ", \"colour\": \"blue\"}")),
                "colour", "There is no field colour here");
        assertRefused(owner.call("POST", services, SERVICE.formatted("10").replace("}", ", \"image\": \"other\"}")),
                "image", "given twice");
        assertRefused(owner.call("GET", PROJECTS + "?q=a%00b", null), "q", "NUL character");
        assertRefused(owner.call("GET", PROJECTS + "/bad%00input", null), "path", "NUL character");
        JsonObject huge = problem(owner.call("POST", PROJECTS, "{\"key\": \"huge\", \"name\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}"), 413);
        assertTrue(huge.getString("detail").startsWith("The request body is larger than the API takes"), huge.toString());

        assertEquals(404, owner.call("GET", PROJECTS + "/nul-name", null).statusCode(), "nothing was written");
        assertEquals(0, object(owner.call("GET", PROJECTS + "/bad-input", null)).getJsonArray("services").size(), "nothing was written");
    }

    @Test
    void aFormFieldWithANulCharacterIsRefusedWithThe400PageAndAudited() throws Exception {
        HttpResponse<String> signIn = new PortalClient(java.net.URI.create(base.toString())).signIn("ad\0min", "whatever-password");

        assertEquals(400, signIn.statusCode());
        assertTrue(signIn.body().contains("held a character that cannot be typed or stored (NUL). Nothing was saved."), signIn.body());
        assertTrue(signIn.body().contains("signin:username"), "names the field");
        assertTrue(Trail.await("SELECT count(*) FROM audit_entry WHERE action = 'request.refused' AND target_name = ?", "/signin.xhtml") != null,
                "the refusal is in the audit trail");
    }

    /**
     * Every operation the OpenAPI document lists, called as the signed-in administrator with bad
     * path parameters, bad query parameters and bad bodies built from its schema: no answer is a 5xx,
     * and every refusal is a problem document.
     */
    @Test
    void noOperationOfTheApiAnswersA5xxToFuzzedInput() throws Exception {
        PortalClient admin = signedIn("fuzz-admin", GlobalRole.ADMIN);
        TestDatabase.createUser("fuzz-member", "fuzz-member-password", GlobalRole.USER);
        assertEquals(201, admin.call("POST", PROJECTS, "{\"key\": \"fuzz\", \"name\": \"Fuzz\"}").statusCode());
        assertEquals(201, admin.call("POST", PROJECTS + "/fuzz/services", SERVICE.formatted("10")).statusCode());
        assertEquals(201, admin.call("POST", PROJECTS + "/fuzz/environments", "{\"name\": \"staging\", \"tier\": \"staging\"}").statusCode());
        assertEquals(201, admin.call("POST", PROJECTS + "/fuzz/members",
                "{\"username\": \"fuzz-member\", \"role\": \"deployer\"}").statusCode());
        JsonObject document = object(admin.call("GET", "/openapi?format=JSON", null));
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            JsonObject responses = operation.asJsonObject().getJsonObject("responses");
            for (String status : List.of("400", "401", "403", "404", "503")) {
                assertTrue(responses.containsKey(status) && responses.getJsonObject(status).getJsonObject("content")
                        .containsKey("application/problem+json"), method + " " + path + " lists its " + status + " answer: " + responses);
            }
        }));

        Map<String, Integer> failures = new TreeMap<>();
        int calls = 0;
        List<String[]> operations = new ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (operation.getValueType() == JsonValue.ValueType.OBJECT && !method.equals("parameters")) {
                operations.add(new String[]{method.toUpperCase(), path});
            }
        }));
        operations.sort((a, b) -> Boolean.compare(a[0].equals("DELETE"), b[0].equals("DELETE"))); // deletions last
        for (String[] operation : operations) {
            String method = operation[0];
            String template = operation[1];
            JsonObject described = document.getJsonObject("paths").getJsonObject(template).getJsonObject(method.toLowerCase());
            for (String path : paths(template)) {
                for (String query : queries(described)) {
                    for (Body body : bodies(described, schemas)) {
                        calls++;
                        HttpResponse<String> answer = admin.call(method, path + query, body.text(), body.type());
                        String call = method + " " + path + query + " " + abbreviated(body.text());
                        if (answer.statusCode() >= 500) {
                            failures.put(call, answer.statusCode());
                        } else if (answer.statusCode() >= 400 && answer.statusCode() != 405
                                && !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                            failures.put(call + " (not a problem document)", answer.statusCode());
                        }
                    }
                }
            }
        }
        assertTrue(calls > 300, "fuzzed " + calls + " calls");
        assertTrue(failures.isEmpty(), failures.size() + " of " + calls + " calls failed: " + failures);
    }

    private record Body(String text, String type) {
    }

    private static final List<String> BAD_TEXTS = List.of("%00", "x".repeat(3000), "%F0%9F%92%A5", "..%2F..", "-1", "%20");

    /** The template with valid values, then each parameter in turn bad. */
    private static List<String> paths(String template) {
        Map<String, String> valid = new LinkedHashMap<>();
        Matcher parameter = Pattern.compile("([a-z]+)/\\{([a-zA-Z]+)}").matcher(template);
        while (parameter.find()) {
            valid.put(parameter.group(2), switch (parameter.group(1)) {
                case "services" -> "web";
                case "environments" -> "staging";
                case "members" -> "fuzz-member";
                default -> "fuzz";
            });
        }
        List<String> paths = new ArrayList<>();
        paths.add(fill(template, valid, null, null));
        for (String name : valid.keySet()) {
            for (String bad : BAD_TEXTS) {
                paths.add(fill(template, valid, name, bad));
            }
        }
        return paths;
    }

    private static String fill(String template, Map<String, String> valid, String badName, String bad) {
        String path = template;
        for (Map.Entry<String, String> value : valid.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getKey().equals(badName) ? bad : value.getValue());
        }
        return path;
    }

    private static List<String> queries(JsonObject operation) {
        List<String> queries = new ArrayList<>(List.of(""));
        if (operation.containsKey("parameters")) {
            for (JsonValue value : operation.getJsonArray("parameters")) {
                JsonObject parameter = value.asJsonObject();
                if ("query".equals(parameter.getString("in", ""))) {
                    for (String bad : List.of("%00", "x".repeat(3000), "-1", "99999999999999999999", "%F0%9F%92%A5", "")) {
                        queries.add("?" + parameter.getString("name") + "=" + bad);
                    }
                }
            }
        }
        return queries;
    }

    /** No body for operations without one; otherwise bad documents of the right media type, and each field of its schema bad. */
    private static List<Body> bodies(JsonObject operation, JsonObject schemas) {
        if (!operation.containsKey("requestBody")) {
            return List.of(new Body(null, null));
        }
        JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
        if (content.containsKey("application/yaml")) {
            return List.of(new Body("", "application/yaml"), new Body("\0", "application/yaml"), new Body("- [", "application/yaml"),
                    new Body("capstan: 1\nproject:\n  key: \"fu\\0zz\"\n  name: x\n", "application/yaml"),
                    new Body("capstan: 99999999999999999999\n", "application/yaml"), new Body("x".repeat(300_000), "application/yaml"));
        }
        List<Body> bodies = new ArrayList<>();
        for (String whole : List.of("", "{}", "[]", "null", "\"text\"", "{", "{\"a\": 1, \"a\": 2}", "\0")) {
            bodies.add(new Body(whole, "application/json"));
        }
        JsonObject schema = resolve(content.getJsonObject("application/json").getJsonObject("schema"), schemas);
        JsonObject properties = schema.getJsonObject("properties");
        if (properties != null) {
            for (String field : properties.keySet()) {
                String type = resolve(properties.getJsonObject(field), schemas).getString("type", "object");
                for (String bad : List.of("\"\\u0000\"", "\"" + "y".repeat(5000) + "\"", "\"\\ud83d\\udca5 \\u202e\"", "9223372036854775808",
                        "1.5", "-1", "true", "[]", "{}", "null")) {
                    bodies.add(new Body("{\"" + field + "\": " + bad + ", \"version\": 0}", "application/json"));
                }
                bodies.add(new Body("{\"" + field + "\": " + typical(type) + ", \"name\": \"\\u0000\"}", "application/json"));
            }
        }
        return bodies;
    }

    private static String typical(String type) {
        return switch (type) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            case "array" -> "[]";
            case "string" -> "\"fuzz\"";
            default -> "{}";
        };
    }

    private static JsonObject resolve(JsonObject schema, JsonObject schemas) {
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            return schemas.getJsonObject(name);
        }
        return schema;
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() <= 80 ? body : body.substring(0, 77) + "...";
    }

    private static void assertRefused(HttpResponse<String> answer, String field, String words) {
        JsonObject problem = problem(answer, 400);
        assertTrue(errorFields(problem).contains(field), field + " is named: " + problem);
        assertTrue(problem.toString().contains(words), problem.toString());
    }
}
