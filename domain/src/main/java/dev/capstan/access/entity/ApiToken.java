package dev.capstan.access.entity;

import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.Violations;
import dev.capstan.projects.entity.Slug;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A personal API token: a script acts as its owner with it, within its limits (one project only,
 * reading only), until it expires or is revoked. The token is shown once when it is made; only its
 * SHA-256 is kept, with its first characters so that a person can tell their tokens apart.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    public static final String PREFIX = "capstan_";
    public static final int MAX_NAME = 100;
    public static final Duration LONGEST = Duration.ofDays(366);
    /** Last use is written at most this often: a token used in a loop must not write on every call. */
    private static final Duration USE_GRANULARITY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User owner;

    @Column(nullable = false, updatable = false, length = MAX_NAME)
    private String name;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "token_start", nullable = false, updatable = false, length = 16)
    private String tokenStart;

    @Column(name = "project_key", updatable = false, length = Slug.MAX_LENGTH)
    private String projectKey;

    @Column(name = "read_only", nullable = false, updatable = false)
    private boolean readOnly;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiToken() {
        // for JPA
    }

    /** A new token and its secret, which exists only in this answer. */
    public record Issued(ApiToken token, String secret) {
    }

    /**
     * @param validFor   how long it works, at most {@link #LONGEST}
     * @param projectKey the one project it may reach, or null for every project its owner may
     */
    public static Issued issue(User owner, String name, Duration validFor, String projectKey, boolean readOnly, Instant now) {
        Violations violations = new Violations();
        String checkedName = name == null ? "" : name.strip();
        violations.check(!checkedName.isEmpty() && checkedName.length() <= MAX_NAME, "name",
                "Name the token after what uses it, like \"CI deploys\" (at most " + MAX_NAME + " characters).");
        violations.check(validFor != null && !validFor.isNegative() && !validFor.isZero() && validFor.compareTo(LONGEST) <= 0,
                "days", "A token works for 1 to 366 days.");
        String checkedProject = projectKey == null || projectKey.isBlank() ? null
                : violations.attempt("projectKey", () -> Slug.of("projectKey", "project key", projectKey));
        violations.throwIfAny();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken();
        token.owner = owner;
        token.name = checkedName;
        token.tokenHash = hash(secret);
        token.tokenStart = secret.substring(0, PREFIX.length() + 4);
        token.projectKey = checkedProject;
        token.readOnly = readOnly;
        token.createdAt = now.truncatedTo(ChronoUnit.MICROS); // as the database keeps it: the answer to a create shows what a read will
        token.expiresAt = now.plus(validFor);
        return new Issued(token, secret);
    }

    /** What is stored of a token, and what a presented token is looked up by. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code text} looks like a Capstan token at all (no lookup for anything else). */
    public static boolean looksLikeToken(String text) {
        return text != null && text.startsWith(PREFIX) && text.length() == PREFIX.length() + 43;
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && owner.enabled();
    }

    public TokenLimits limits() {
        return new TokenLimits(name, projectKey, readOnly);
    }

    public void used(Instant now) {
        if (lastUsedAt == null || !now.isBefore(lastUsedAt.plus(USE_GRANULARITY))) {
            lastUsedAt = now;
        }
    }

    public void revoke(Instant now) {
        if (revokedAt != null) {
            throw new BusinessRuleException("The token " + name + " is revoked already.");
        }
        revokedAt = now;
    }

    public Long id() {
        return id;
    }

    public User owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String tokenStart() {
        return tokenStart;
    }

    public Optional<String> projectKey() {
        return Optional.ofNullable(projectKey);
    }

    public boolean readOnly() {
        return readOnly;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}
