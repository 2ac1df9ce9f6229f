package dev.capstan.audit.boundary;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.audit.control.CurrentRequest;
import dev.capstan.audit.entity.Actor;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import dev.capstan.audit.entity.PendingAuditEntry;
import dev.capstan.audit.entity.RequestOrigin;
import dev.capstan.audit.entity.SecretDigest;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Optional;

/**
 * The one way any feature records what happened. A successful action records inside its own
 * transaction ({@link #record}): if the entry cannot be written, the action fails with it. A
 * denied or failed attempt records in a transaction of its own ({@link #recordRefusal}), so the
 * entry survives the attempt's rollback.
 *
 * <p>The entry is written as pending, without locking the chain head, and linked into the chain
 * right after the transaction commits ({@link AuditChainer}): the head is never held while an
 * action does its work or waits for its commit.
 *
 * <p>Callable by any code inside Capstan (there is no remote view); what is recorded about the
 * actor comes from the container's security context, not from the caller.
 */
@Stateless
@PermitAll
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @PersistenceContext(unitName = "capstan")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Instance<CurrentRequest> currentRequest;

    @Inject
    SecretDigest secretDigest;

    @Inject
    AuditChainer chainer;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** A successful action by the signed-in caller, in the action's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditEvent event) {
        append(caller(), event, AuditOutcome.SUCCEEDED);
    }

    /** An action whose actor the caller names (e.g. a sign-in, before anyone is signed in), in its transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Actor actor, AuditEvent event, AuditOutcome outcome) {
        append(actor, event, outcome);
    }

    /**
     * A denied or failed attempt by the caller, committed on its own. Never throws: the attempt
     * has been refused already, and that refusal must reach the person even when the audit trail
     * cannot be written (which is logged).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(AuditEvent event, AuditOutcome outcome, String reason) {
        if (outcome == AuditOutcome.SUCCEEDED) {
            throw new IllegalArgumentException("A refusal is DENIED or FAILED");
        }
        try {
            append(caller(), event.with(event.details().with("reason", reason)), outcome);
        } catch (AuditUnavailableException e) {
            session.setRollbackOnly();
        }
    }

    private void append(Actor actor, AuditEvent event, AuditOutcome outcome) {
        em.flush(); // the action's own changes first: their failures are the action's, not the trail's
        apiToken().ifPresent(token -> event.details().with("apiToken", token));
        try {
            em.persist(new PendingAuditEntry(actor, event, outcome, origin(), event.details().toJson(secretDigest)));
            em.flush();
        } catch (PersistenceException e) {
            LOG.log(Level.SEVERE, "The audit trail could not record " + event.action() + "; the action is refused", e);
            throw new AuditUnavailableException();
        }
        linkAfterCommit();
    }

    /** Once per transaction: after it commits, ask for a linking run. */
    private void linkAfterCommit() {
        if (transaction.getResource(AuditChainer.class) != null) {
            return;
        }
        transaction.putResource(AuditChainer.class, Boolean.TRUE);
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    chainer.requestRun();
                }
            }
        });
    }

    /** The caller and the roles they hold right now. */
    public Actor caller() {
        String name = session.getCallerPrincipal().getName();
        if (name == null || "anonymous".equals(name)) {
            return Actor.anonymous();
        }
        return Actor.user(name, Arrays.stream(GlobalRole.values()).map(GlobalRole::name)
                .filter(session::isCallerInRole).toList());
    }

    private Optional<String> apiToken() {
        try {
            return currentRequest.get().apiToken();
        } catch (ContextNotActiveException noRequest) {
            return Optional.empty();
        }
    }

    private RequestOrigin origin() {
        try {
            return currentRequest.get().origin();
        } catch (ContextNotActiveException noRequest) {
            return RequestOrigin.NONE;
        }
    }
}
