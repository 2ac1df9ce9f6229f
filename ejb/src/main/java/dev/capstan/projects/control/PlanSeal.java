package dev.capstan.projects.control;

import dev.capstan.audit.control.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;

/**
 * Seals import plans for the person and session that are shown them ({@link ImportPlan#sealedFor}).
 * The key is made at each start and kept in memory only: a dry run is applied within minutes,
 * and after a restart the person runs it again.
 */
@ApplicationScoped
public class PlanSeal {

    private final byte[] key = new byte[32];

    @Inject
    CurrentRequest request;

    public PlanSeal() {
        new SecureRandom().nextBytes(key);
    }

    public ImportPlan seal(ImportPlan plan, Caller caller) {
        return plan.sealedFor(key, caller.username() + "\n" + request.session());
    }
}
