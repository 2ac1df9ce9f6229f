package dev.capstan.access.boundary;

import dev.capstan.access.control.SessionRegistry;
import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.control.UserSessionsEnded;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.User;
import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.boundary.Audited;
import dev.capstan.audit.control.CurrentRequest;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.logging.Logger;

/** What a signed-in person may do to their own account, whatever their role. */
@Stateless
@RolesAllowed({GlobalRole.ADMIN_NAME, GlobalRole.AUDITOR_NAME, GlobalRole.USER_NAME})
public class OwnAccount {

    private static final Logger LOG = Logger.getLogger(OwnAccount.class.getName());

    @Resource
    SessionContext context;

    @Inject
    UserDirectory directory;

    @Inject
    Clock clock;

    @EJB
    AuditTrail audit;

    @Inject
    SessionRegistry sessions;

    @Inject
    Event<UserSessionsEnded> sessionsEnded;

    @Inject
    CurrentRequest request;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public UserView me() {
        return UserView.of(caller(), clock.instant());
    }

    /**
     * Changes the caller's password and ends their other sessions (someone who knew the old
     * password may be signed in elsewhere); the session of this request stays.
     *
     * @return how many other sessions end
     */
    @Audited("user.password-changed")
    public int changePassword(char[] currentPassword, char[] newPassword) {
        User me = caller();
        me.changePassword(currentPassword, newPassword, clock.instant());
        int others = sessions.otherSessions(me.username(), request.session());
        audit.record(AuditEvent.of("user.password-changed").on("user", me.id(), me.username())
                .with(AuditDetails.none().with("otherSessionsEnded", others)));
        sessionsEnded.fire(new UserSessionsEnded(me.username(), "password changed", request.session()));
        LOG.info(() -> "User " + me.username() + " changed their password");
        return others;
    }

    /** Recorded before the web tier ends the session, while the caller is still known. */
    public void signOut() {
        User me = caller();
        audit.record(AuditEvent.of("signout.succeeded").on("user", me.id(), me.username()));
    }

    private User caller() {
        return directory.getByUsername(context.getCallerPrincipal().getName());
    }
}
