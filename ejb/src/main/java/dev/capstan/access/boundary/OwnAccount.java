package dev.capstan.access.boundary;

import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.User;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public UserView me() {
        return UserView.of(caller(), clock.instant());
    }

    public void changePassword(char[] currentPassword, char[] newPassword) {
        User me = caller();
        me.changePassword(currentPassword, newPassword, clock.instant());
        LOG.info(() -> "User " + me.username() + " changed their password");
    }

    private User caller() {
        return directory.getByUsername(context.getCallerPrincipal().getName());
    }
}
