package dev.capstan.audit.ui;

import dev.capstan.audit.boundary.AuditVerification;
import dev.capstan.audit.boundary.AuditVerification.LastVerification;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The audit trail's state on the dashboard, for administrators and auditors: the newest
 * verification's result, so that damage found at night is the first thing they see.
 */
@Named("auditStatus")
@RequestScoped
public class AuditStatusBean {

    @EJB
    AuditVerification verification;

    private LastVerification last;
    private boolean loaded;

    /** Null when the trail was never verified. Only for administrators and auditors (the boundary refuses others). */
    public LastVerification getLast() {
        if (!loaded) {
            last = verification.last().orElse(null);
            loaded = true;
        }
        return last;
    }
}
