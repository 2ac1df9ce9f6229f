package dev.capstan.access.boundary;

import dev.capstan.access.control.TokenDirectory;
import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.entity.ApiToken;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.User;
import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.boundary.Audited;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.platform.BusinessRuleException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A person's own API tokens: made (the token shown once), listed with their last use, revoked.
 * Only from a signed-in session: a token cannot make or revoke tokens (the API has no such call).
 */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class ApiTokens {

    @Resource
    SessionContext context;

    @Inject
    TokenDirectory tokens;

    @Inject
    UserDirectory users;

    @Inject
    Clock clock;

    @EJB
    AuditTrail audit;

    /** A token as its owner sees it in the list: never the token itself. */
    public record TokenView(long id, String name, String tokenStart, String projectKey, boolean readOnly, Instant createdAt,
                            Instant expiresAt, Instant lastUsedAt, Instant revokedAt, boolean usable) {
        static TokenView of(ApiToken token, Instant now) {
            return new TokenView(token.id(), token.name(), token.tokenStart(), token.projectKey().orElse(null), token.readOnly(),
                    token.createdAt(), token.expiresAt(), token.lastUsedAt().orElse(null), token.revokedAt().orElse(null),
                    token.usableAt(now));
        }
    }

    /** A new token: {@code secret} is shown now and never again. */
    public record IssuedToken(TokenView token, String secret) {
    }

    @Audited(value = "token.created", target = "api-token")
    public IssuedToken create(String name, int days, String projectKey, boolean readOnly) {
        User me = users.getByUsername(context.getCallerPrincipal().getName());
        Instant now = clock.instant();
        ApiToken.Issued issued = ApiToken.issue(me, name, Duration.ofDays(days), projectKey, readOnly, now);
        if (tokens.nameTaken(me.username(), issued.token().name())) {
            throw new BusinessRuleException("name", "You have a token named " + issued.token().name() + " already.");
        }
        tokens.add(issued.token());
        audit.record(AuditEvent.of("token.created").on("api-token", issued.token().id(), issued.token().name())
                .with(details(issued.token())));
        return new IssuedToken(TokenView.of(issued.token(), now), issued.secret());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TokenView> mine() {
        Instant now = clock.instant();
        return tokens.ownedBy(context.getCallerPrincipal().getName()).stream().map(token -> TokenView.of(token, now)).toList();
    }

    @Audited(value = "token.revoked", target = "api-token")
    public void revoke(long id) {
        ApiToken token = tokens.getOwned(context.getCallerPrincipal().getName(), id);
        token.revoke(clock.instant());
        audit.record(AuditEvent.of("token.revoked").on("api-token", token.id(), token.name()).with(details(token)));
    }

    private static AuditDetails details(ApiToken token) {
        return AuditDetails.none().with("project", token.projectKey().orElse(null)).with("readOnly", token.readOnly())
                .with("expiresAt", token.expiresAt().toString()).with("tokenStart", token.tokenStart());
    }
}
