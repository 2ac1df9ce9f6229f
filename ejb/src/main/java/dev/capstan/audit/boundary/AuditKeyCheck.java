package dev.capstan.audit.boundary;

import dev.capstan.audit.control.AuditKeys;
import dev.capstan.audit.entity.Actor;
import dev.capstan.audit.entity.AuditDetails;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Opens the audit trail's keys before anything is recorded. A key that is missing, mismatched or
 * unreadable on a trail with entries stops Capstan with one line naming the file (a portal that
 * runs but cannot sign or sign in is worse than one that does not start). A deliberate rotation
 * is recorded in the trail.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@PermitAll
public class AuditKeyCheck {

    private static final Logger LOG = Logger.getLogger(AuditKeyCheck.class.getName());

    @Inject
    AuditKeys keys;

    @EJB
    AuditTrail audit;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void openKeys() {
        try {
            keys.checkpointPublicKey();
        } catch (RuntimeException e) {
            AuditKeys.KeyProblem problem = keyProblem(e);
            if (problem == null) {
                throw e;
            }
            LOG.severe("Capstan cannot start: " + problem.getMessage());
            // Not from this thread: the server's shutdown waits for the deployment this thread is starting.
            new Thread(() -> System.exit(2), "capstan-stop").start();
            throw problem;
        }
        keys.rotation().ifPresent(rotation -> audit.record(Actor.system("audit-key-rotation"),
                AuditEvent.of("audit.keys-rotated").with(AuditDetails.none().with("retiredPublicKey", rotation.retiredFile())
                        .with("oldFingerprint", rotation.oldFingerprint()).with("newFingerprint", rotation.newFingerprint())),
                AuditOutcome.SUCCEEDED));
    }

    private static AuditKeys.KeyProblem keyProblem(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuditKeys.KeyProblem problem) {
                return problem;
            }
        }
        return null;
    }
}
