package dev.capstan.it.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the API's JSON answers (JSON-P), and checks the shape of its problem answers. */
public final class Json {

    private Json() {
    }

    public static JsonStructure parse(String text) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    public static JsonObject object(String text) {
        return parse(text).asJsonObject();
    }

    public static JsonObject object(HttpResponse<String> response) {
        return object(response.body());
    }

    /**
     * Asserts an RFC 9457 problem with {@code status} and returns it: problem+json, and a body whose
     * type, title, status and detail are there.
     */
    public static JsonObject problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                "problem answers are application/problem+json");
        JsonObject problem = object(response);
        assertEquals(status, problem.getInt("status"));
        assertEquals("about:blank", problem.getString("type"));
        assertTrue(!problem.getString("title").isBlank() && !problem.getString("detail").isBlank(), problem.toString());
        return problem;
    }

    /** The fields a problem's {@code errors} names, in order. */
    public static List<String> errorFields(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
    }

    public static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
