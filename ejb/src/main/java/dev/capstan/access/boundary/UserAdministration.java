package dev.capstan.access.boundary;

import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.control.UserFilter;
import dev.capstan.access.control.UserSessionsEnded;
import dev.capstan.access.control.UserSort;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.PasswordGenerator;
import dev.capstan.access.entity.PasswordHash;
import dev.capstan.access.entity.User;
import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.boundary.Audited;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.platform.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
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

    @EJB
    AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public UserPage page(UserFilter filter, UserSort sort, int first, int size) {
        Instant now = clock.instant();
        return new UserPage(directory.page(filter, sort, first, size).stream().map(user -> UserView.of(user, now)).toList(),
                directory.count(filter));
    }

    /** Creates an enabled user with a generated password, which they must change at first sign-in. */
    @Audited(value = "user.created", target = "user")
    public IssuedPassword create(String username, String displayName, Set<GlobalRole> roles) {
        String normalized = User.normalizeUsername(username);
        if (directory.exists(normalized)) {
            throw new BusinessRuleException("username", "A user named " + normalized + " already exists.");
        }
        char[] password = PasswordGenerator.generate();
        User user = User.create(normalized, displayName, roles, PasswordHash.of(password), clock.instant());
        directory.add(user);
        audit.record(event("user.created", user).with(AuditDetails.none()
                .changed("displayName", null, user.displayName())
                .changed("roles", Set.of(), user.roles())));
        LOG.info(() -> "User " + normalized + " created with roles " + roles);
        return new IssuedPassword(normalized, new String(password));
    }

    @Audited(value = "user.disabled", target = "user")
    public void disable(long userId) {
        User user = directory.get(userId);
        user.disable(directory.countEnabledAdminsLocking());
        audit.record(event("user.disabled", user).with(AuditDetails.none().changed("enabled", true, false)));
        sessionsEnded.fire(new UserSessionsEnded(user.username(), "disabled"));
        LOG.info(() -> "User " + user.username() + " disabled");
    }

    @Audited(value = "user.enabled", target = "user")
    public void enable(long userId) {
        User user = directory.get(userId);
        user.enable();
        audit.record(event("user.enabled", user).with(AuditDetails.none().changed("enabled", false, true)));
        LOG.info(() -> "User " + user.username() + " enabled");
    }

    @Audited(value = "user.roles-changed", target = "user")
    public void assignRoles(long userId, Set<GlobalRole> roles) {
        User user = directory.get(userId);
        Set<GlobalRole> before = Set.copyOf(user.roles());
        if (before.equals(roles)) {
            return;
        }
        user.assignRoles(roles, directory.countEnabledAdminsLocking());
        audit.record(event("user.roles-changed", user).with(AuditDetails.none().changed("roles", before, user.roles())));
        sessionsEnded.fire(new UserSessionsEnded(user.username(), "roles changed to " + roles));
        LOG.info(() -> "User " + user.username() + " now has roles " + roles);
    }

    /** Sets a generated password the user must change at next sign-in; their sessions end. */
    @Audited(value = "user.password-reset", target = "user")
    public IssuedPassword resetPassword(long userId) {
        User user = directory.get(userId);
        char[] password = PasswordGenerator.generate();
        user.resetPassword(PasswordHash.of(password), clock.instant());
        audit.record(event("user.password-reset", user));
        sessionsEnded.fire(new UserSessionsEnded(user.username(), "password reset"));
        LOG.info(() -> "Password of " + user.username() + " reset by an administrator");
        return new IssuedPassword(user.username(), new String(password));
    }

    private static AuditEvent event(String action, User user) {
        return AuditEvent.of(action).on("user", user.id(), user.username());
    }
}
