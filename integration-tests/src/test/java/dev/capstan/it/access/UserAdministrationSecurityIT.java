package dev.capstan.it.access;

import dev.capstan.access.boundary.IssuedPassword;
import dev.capstan.access.boundary.UserAdministration;
import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.Deployments;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Inside the server: the container, not the page, refuses an ADMIN-only operation to a USER.
 * The test and two run-as helpers are added to the real EAR as one more web module.
 */
@ExtendWith(ArquillianExtension.class)
class UserAdministrationSecurityIT {

    @EJB
    UserAdministration administration;

    @EJB
    RunningAsUser asUser;

    @EJB
    RunningAsAdmin asAdmin;

    @Deployment
    static EnterpriseArchive capstanWithTests() throws IOException {
        return Deployments.capstanWithTests(UserAdministrationSecurityIT.class, CallerWithRole.class,
                RunningAsUser.class, RunningAsAdmin.class);
    }

    @Test
    void aUserCallingAnAdminOnlyOperationIsRefusedByTheContainer() {
        assertThrows(EJBAccessException.class,
                () -> asUser.call(() -> administration.create("mallory", "Mallory", Set.of(GlobalRole.ADMIN))));
    }

    @Test
    void nobodySignedInIsRefusedToo() {
        assertThrows(EJBAccessException.class,
                () -> administration.create("anonymous-admin", "", Set.of(GlobalRole.ADMIN)));
    }

    @Test
    void anAdministratorMayCreateAUser() throws Exception {
        IssuedPassword issued = asAdmin.call(() -> administration.create("in-container-user", "", Set.of(GlobalRole.USER)));
        assertEquals("in-container-user", issued.username());
        assertEquals(20, issued.password().length());
    }
}
