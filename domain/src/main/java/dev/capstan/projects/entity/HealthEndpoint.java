package dev.capstan.projects.entity;

import dev.capstan.platform.Violations;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where a service says whether it is alive or ready, and what a good answer looks like: a status
 * code and, optionally, JSON expectations. The URL is a path on the environment's base URL
 * ({@code /api/health/ready/}) or an absolute http(s) URL.
 */
@Embeddable
public class HealthEndpoint {

    public static final int MAX_URL = 500;
    public static final int MAX_EXPECTATIONS = 20;

    @Column(length = MAX_URL)
    private String url;

    private int expectedStatus;

    /** Canonical expectations, one per line. */
    @Column(length = 2000)
    private String expectations;

    protected HealthEndpoint() {
        // for JPA
    }

    private HealthEndpoint(String url, int expectedStatus, List<JsonExpectation> expectations) {
        this.url = url;
        this.expectedStatus = expectedStatus;
        this.expectations = expectations.isEmpty() ? null
                : String.join("\n", expectations.stream().map(JsonExpectation::toString).toList());
    }

    /**
     * An endpoint as a person wrote it, checked; every problem goes to {@code violations} under
     * {@code url}, {@code status} and {@code expectations}. {@code null} when no URL is given.
     */
    public static HealthEndpoint of(String url, Integer expectedStatus, List<String> expectations, Violations violations) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.isEmpty()) {
            violations.check(expectations == null || expectations.stream().allMatch(e -> e == null || e.isBlank()),
                    "url", "Enter the URL these expectations apply to.");
            return null;
        }
        violations.check(isUrlOrPath(trimmed), "url",
                "Enter a path such as /health, or an absolute http:// or https:// URL.");
        int status = expectedStatus == null ? 200 : expectedStatus;
        violations.check(status >= 100 && status <= 599, "status", "An HTTP status is between 100 and 599.");
        boolean few = violations.check(expectations == null || expectations.size() <= MAX_EXPECTATIONS, "expectations",
                "An endpoint has at most " + MAX_EXPECTATIONS + " JSON expectations.");
        List<JsonExpectation> parsed = expectations == null || !few ? List.of() : expectations.stream()
                .filter(e -> e != null && !e.isBlank())
                .map(e -> violations.attempt("expectations", () -> JsonExpectation.parse("expectations", e)))
                .filter(Objects::nonNull).toList();
        return new HealthEndpoint(trimmed, status, parsed);
    }

    /** A path on the base URL, or an absolute http(s) URL with a host. */
    public static boolean isUrlOrPath(String text) {
        if (text.length() > MAX_URL || text.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            if (text.startsWith("/")) {
                return !text.startsWith("//") && uri.getHost() == null;
            }
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public String url() {
        return url;
    }

    public int expectedStatus() {
        return expectedStatus;
    }

    public List<JsonExpectation> expectations() {
        return expectations == null ? List.of()
                : Arrays.stream(expectations.split("\n")).map(e -> JsonExpectation.parse("expectations", e)).toList();
    }

    /** One line for lists and audit entries: {@code /health -> 200 [status == "ready"]}. */
    @Override
    public String toString() {
        return url + " -> " + expectedStatus + (expectations == null ? "" : " " + expectations().toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HealthEndpoint that && expectedStatus == that.expectedStatus
                && Objects.equals(url, that.url) && Objects.equals(expectations, that.expectations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, expectedStatus, expectations);
    }
}
