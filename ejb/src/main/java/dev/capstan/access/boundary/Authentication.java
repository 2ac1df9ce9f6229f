package dev.capstan.access.boundary;

import dev.capstan.access.control.SignInThrottle;
import dev.capstan.access.control.TokenDirectory;
import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.entity.ApiToken;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.LockoutPolicy;
import dev.capstan.access.entity.PasswordHash;
import dev.capstan.access.entity.SignInOutcome;
import dev.capstan.access.entity.User;
import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.control.CurrentRequest;
import dev.capstan.audit.entity.Actor;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.platform.BusinessRuleException;
import dev.capstan.platform.Codes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Checks a user name and password for the sign-in page. Open to everybody, since nobody is
 * signed in yet; every attempt counts towards the account's lockout and is committed even when
 * it fails.
 */
@Stateless
@DenyAll
public class Authentication {

    private static final Logger LOG = Logger.getLogger(Authentication.class.getName());

    @Inject
    UserDirectory directory;

    @Inject
    LockoutPolicy lockoutPolicy;

    @Inject
    Clock clock;

    @EJB
    AuditTrail audit;

    @Inject
    SignInThrottle throttle;

    @Inject
    TokenDirectory tokens;

    @Inject
    CurrentRequest request;

    /** How long a sign-in waits for a password check to be free before it is refused as busy. */
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    /**
     * Every attempt is audited in the same transaction as the lockout count it changes. Attempts
     * the {@link SignInThrottle} refuses are not checked at all.
     */
    @PermitAll
    public SignInResult signIn(String typedUsername, char[] password) {
        String address = request.origin().clientAddress();
        Optional<SignInThrottle.Refusal> throttled = throttle.refusal(address, typedUsername);
        if (throttled.isPresent()) {
            return throttled(throttled.get(), typedUsername, address);
        }
        return throttle.check(PATIENCE, () -> check(typedUsername, password, address))
                .orElseGet(() -> throttled(SignInThrottle.Refusal.BUSY, typedUsername, address));
    }

    private SignInResult check(String typedUsername, char[] password, String address) {
        Optional<User> found = normalize(typedUsername).flatMap(directory::findByUsernameForUpdate);
        if (found.isEmpty()) {
            PasswordHash.spendComparableWork(password);
            throttle.failed(address, typedUsername);
            LOG.info("Sign-in refused: no such user");
            audit.record(Actor.anonymous(), AuditEvent.of("signin.failed").on("user", null, typedUsername)
                    .with(AuditDetails.none().with("reason", "unknown user")), AuditOutcome.FAILED);
            return SignInResult.refused(SignInOutcome.FAILED, typedUsername);
        }
        User user = found.get();
        SignInOutcome outcome = user.signIn(password, clock.instant(), lockoutPolicy);
        if (!outcome.succeeded()) {
            throttle.failed(address, typedUsername);
            LOG.info(() -> "Sign-in of " + user.username() + " refused: " + outcome);
            audit.record(Actor.anonymous(), refusal(user, outcome), AuditOutcome.FAILED);
            return SignInResult.refused(outcome, user.username());
        }
        throttle.succeeded(address, typedUsername);
        LOG.info(() -> "Sign-in of " + user.username() + " succeeded");
        Set<String> roles = user.roles().stream().map(GlobalRole::name).collect(Collectors.toSet());
        audit.record(Actor.user(user.username(), roles), AuditEvent.of("signin.succeeded").on("user", user.id(), user.username()),
                AuditOutcome.SUCCEEDED);
        return new SignInResult(outcome, user.username(), roles, user.mustChangePassword());
    }

    /**
     * The owner of a personal API token, if the token is known, unexpired, not revoked and its owner
     * enabled. Records when it was last used (at most once a minute). A refused token is audited;
     * its text never is (only the first characters of a Capstan token).
     */
    @PermitAll
    public Optional<TokenSignIn> signInWithToken(String secret) {
        Instant now = clock.instant();
        Optional<ApiToken> found = ApiToken.looksLikeToken(secret) ? tokens.findBySecret(secret) : Optional.empty();
        if (found.isEmpty() || !found.get().usableAt(now)) {
            String shown = ApiToken.looksLikeToken(secret) ? secret.substring(0, ApiToken.PREFIX.length() + 4) + "..." : "not a Capstan token";
            audit.record(Actor.anonymous(), AuditEvent.of("signin.failed").on("api-token", found.map(ApiToken::id).orElse(null), shown)
                    .with(AuditDetails.none().with("reason", found.isEmpty() ? "unknown token" : "expired or revoked token")),
                    AuditOutcome.FAILED);
            return Optional.empty();
        }
        ApiToken token = found.get();
        token.used(now);
        Set<String> roles = token.owner().roles().stream().map(GlobalRole::name).collect(Collectors.toSet());
        return Optional.of(new TokenSignIn(token.owner().username(), roles, token.limits()));
    }

    /** Refused before any check: the same for a name that exists and one that does not. */
    private SignInResult throttled(SignInThrottle.Refusal refusal, String typedUsername, String address) {
        LOG.info(() -> "Sign-in from " + address + " refused before checking: " + refusal);
        audit.record(Actor.anonymous(), AuditEvent.of("signin.throttled").on("user", null, typedUsername)
                .with(AuditDetails.none().with("reason", Codes.code(refusal))), AuditOutcome.DENIED);
        SignInOutcome outcome = switch (refusal) {
            case NAME_FROM_ADDRESS -> SignInOutcome.LOCKED;
            case ADDRESS -> SignInOutcome.THROTTLED;
            case BUSY -> SignInOutcome.BUSY;
        };
        return SignInResult.refused(outcome, typedUsername, throttle.waitFor(address));
    }

    private static AuditEvent refusal(User user, SignInOutcome outcome) {
        AuditEvent event = AuditEvent.of(outcome == SignInOutcome.LOCKED ? "signin.locked" : "signin.failed")
                .on("user", user.id(), user.username());
        return switch (outcome) {
            case LOCKED -> event.with(AuditDetails.none().with("failedInARow", user.failedSignIns())
                    .with("lockedUntil", user.lockedUntil().map(Object::toString).orElse(null)));
            case DISABLED -> event.with(AuditDetails.none().with("reason", "account disabled"));
            default -> event.with(AuditDetails.none().with("reason", "wrong password").with("failedInARow", user.failedSignIns()));
        };
    }

    private static Optional<String> normalize(String typedUsername) {
        try {
            return Optional.of(User.normalizeUsername(typedUsername));
        } catch (BusinessRuleException notAUsername) {
            return Optional.empty();
        }
    }
}
