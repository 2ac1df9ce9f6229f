package dev.capstan.access.boundary;

import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.control.UserFilter;
import dev.capstan.access.control.UserSessionsEnded;
import dev.capstan.access.control.UserSort;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.PasswordGenerator;
import dev.capstan.access.entity.PasswordHash;
import dev.capstan.access.entity.User;
import dev.capstan.platform.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;

/** User administration: only administrators list, create, disable and reset users. */
@Stateless
@RolesAllowed(GlobalRole.ADMIN_NAME)
public class UserAdministration {

    private static final Logger LOG = Logger.getLogger(UserAdministration.class.getName());

    @Inject
    UserDirectory directory;

    @Inject
    Clock clock;

    @Inject
    Event<UserSessionsEnded> sessionsEnded;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public UserPage page(UserFilter filter, UserSort sort, int first, int size) {
        Instant now = clock.instant();
        return new UserPage(directory.page(filter, sort, first, size).stream().map(user -> UserView.of(user, now)).toList(),
                directory.count(filter));
    }

    /** Creates an enabled user with a generated password, which they must change at first sign-in. */
    public IssuedPassword create(String username, String displayName, Set<GlobalRole> roles) {
        String normalized = User.normalizeUsername(username);
        if (directory.exists(normalized)) {
            throw new BusinessRuleException("username", "A user named " + normalized + " already exists.");
        }
        char[] password = PasswordGenerator.generate();
        directory.add(User.create(normalized, displayName, roles, PasswordHash.of(password), clock.instant()));
        LOG.info(() -> "User " + normalized + " created with roles " + roles);
        return new IssuedPassword(normalized, new String(password));
    }

    public void disable(long userId) {
        User user = directory.get(userId);
        user.disable(directory.countEnabledAdminsLocking());
        sessionsEnded.fire(new UserSessionsEnded(user.username(), "disabled"));
        LOG.info(() -> "User " + user.username() + " disabled");
    }

    public void enable(long userId) {
        User user = directory.get(userId);
        user.enable();
        LOG.info(() -> "User " + user.username() + " enabled");
    }

    public void assignRoles(long userId, Set<GlobalRole> roles) {
        User user = directory.get(userId);
        if (user.roles().equals(roles)) {
            return;
        }
        user.assignRoles(roles, directory.countEnabledAdminsLocking());
        sessionsEnded.fire(new UserSessionsEnded(user.username(), "roles changed to " + roles));
        LOG.info(() -> "User " + user.username() + " now has roles " + roles);
    }

    /** Sets a generated password the user must change at next sign-in; their sessions end. */
    public IssuedPassword resetPassword(long userId) {
        User user = directory.get(userId);
        char[] password = PasswordGenerator.generate();
        user.resetPassword(PasswordHash.of(password), clock.instant());
        sessionsEnded.fire(new UserSessionsEnded(user.username(), "password reset"));
        LOG.info(() -> "Password of " + user.username() + " reset by an administrator");
        return new IssuedPassword(user.username(), new String(password));
    }
}
