package dev.capstan.access.boundary;

import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.LockoutPolicy;
import dev.capstan.access.entity.PasswordHash;
import dev.capstan.access.entity.SignInOutcome;
import dev.capstan.access.entity.User;
import dev.capstan.platform.BusinessRuleException;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;
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

    @PermitAll
    public SignInResult signIn(String typedUsername, char[] password) {
        Optional<User> found = normalize(typedUsername).flatMap(directory::findByUsernameForUpdate);
        if (found.isEmpty()) {
            PasswordHash.spendComparableWork(password);
            LOG.info("Sign-in refused: no such user");
            return SignInResult.refused(SignInOutcome.FAILED, typedUsername);
        }
        User user = found.get();
        SignInOutcome outcome = user.signIn(password, clock.instant(), lockoutPolicy);
        if (!outcome.succeeded()) {
            LOG.info(() -> "Sign-in of " + user.username() + " refused: " + outcome);
            return SignInResult.refused(outcome, user.username());
        }
        LOG.info(() -> "Sign-in of " + user.username() + " succeeded");
        return new SignInResult(outcome, user.username(),
                user.roles().stream().map(GlobalRole::name).collect(Collectors.toSet()), user.mustChangePassword());
    }

    private static Optional<String> normalize(String typedUsername) {
        try {
            return Optional.of(User.normalizeUsername(typedUsername));
        } catch (BusinessRuleException notAUsername) {
            return Optional.empty();
        }
    }
}
