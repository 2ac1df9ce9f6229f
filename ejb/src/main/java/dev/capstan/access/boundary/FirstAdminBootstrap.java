package dev.capstan.access.boundary;

import dev.capstan.access.control.UserDirectory;
import dev.capstan.access.entity.FirstAdmin;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * At the first start of an empty Capstan, creates the administrator "admin" and prints its
 * password once to the console (the "capstan.console" log category, which is kept out of
 * server.log). Later starts find users and do nothing.
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigrator", "AuditKeyCheck"})
@DenyAll
public class FirstAdminBootstrap {

    private static final Logger CONSOLE = Logger.getLogger("capstan.console");

    @Inject
    UserDirectory directory;

    @Inject
    Clock clock;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void createFirstAdminIfEmpty() {
        FirstAdmin.plan(directory.count(), System.getenv(FirstAdmin.PASSWORD_VARIABLE)).ifPresent(first -> {
            directory.add(first.toUser(clock.instant()));
            CONSOLE.info(banner(first));
        });
    }

    private static String banner(FirstAdmin first) {
        String password = first.generated()
                ? "password: " + first.password() + "   (shown this once)"
                : "password: the value of " + FirstAdmin.PASSWORD_VARIABLE;
        String line = "=".repeat(72);
        return "\n" + line
                + "\n  Capstan created its first administrator."
                + "\n  Sign in at " + portalUrl() + " as user: " + FirstAdmin.USERNAME
                + "\n  " + password
                + "\n  You will be asked to choose a new password at first sign-in."
                + "\n" + line;
    }

    private static String portalUrl() {
        return "http://localhost:" + System.getProperty("jboss.http.port", "8080") + "/";
    }
}
