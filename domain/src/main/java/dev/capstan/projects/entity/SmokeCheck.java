package dev.capstan.projects.entity;

import dev.capstan.platform.Violations;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A request made after each deployment: method and path, the status it must answer, text the body must contain. */
@Embeddable
public class SmokeCheck {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Column(length = 10, nullable = false)
    private String method;

    @Column(length = HealthEndpoint.MAX_URL, nullable = false)
    private String path;

    @Column(name = "expected_status", nullable = false)
    private int expectedStatus;

    @Column(name = "body_contains", length = 500)
    private String bodyContains;

    protected SmokeCheck() {
        // for JPA
    }

    /** Checked; problems go to {@code violations} under method, path, status and bodyContains. {@code null} if any. */
    public static SmokeCheck of(String method, String path, Integer expectedStatus, String bodyContains, Violations violations) {
        SmokeCheck check = new SmokeCheck();
        check.method = method == null || method.isBlank() ? "GET" : method.strip().toUpperCase(Locale.ROOT);
        check.path = path == null ? "" : path.strip();
        check.expectedStatus = expectedStatus == null ? 200 : expectedStatus;
        check.bodyContains = bodyContains == null || bodyContains.isEmpty() ? null : bodyContains;
        boolean ok = violations.check(METHODS.contains(check.method), "method",
                "'" + Slug.abbreviated(check.method) + "' is not an HTTP method; use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS.");
        ok &= violations.check(!check.path.isEmpty() && HealthEndpoint.isUrlOrPath(check.path), "path",
                "Enter a path such as /health, or an absolute http:// or https:// URL.");
        ok &= violations.check(check.expectedStatus >= 100 && check.expectedStatus <= 599, "status",
                "An HTTP status is between 100 and 599.");
        ok &= violations.check(check.bodyContains == null || check.bodyContains.length() <= 500, "bodyContains",
                "The expected text has at most 500 characters.");
        return ok ? check : null;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public int expectedStatus() {
        return expectedStatus;
    }

    public String bodyContains() {
        return bodyContains;
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + expectedStatus + (bodyContains == null ? "" : " containing \"" + bodyContains + "\"");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmokeCheck that && expectedStatus == that.expectedStatus && method.equals(that.method)
                && path.equals(that.path) && Objects.equals(bodyContains, that.bodyContains);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, expectedStatus, bodyContains);
    }
}
