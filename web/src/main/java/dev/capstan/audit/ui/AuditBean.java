package dev.capstan.audit.ui;

import dev.capstan.audit.boundary.AuditVerification;
import dev.capstan.audit.boundary.AuditVerification.LastVerification;
import dev.capstan.audit.entity.ChainVerification;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** The auditor's page: the chain's verification panel. */
@Named("audit")
@ViewScoped
public class AuditBean implements Serializable {

    @EJB
    transient AuditVerification verification;

    @Inject
    transient FacesContext faces;

    private LastVerification last;
    private boolean loaded;

    public LastVerification getLast() {
        if (!loaded) {
            last = verification.last().orElse(null);
            loaded = true;
        }
        return last;
    }

    public void verifyNow() {
        ChainVerification result = verification.verifyNow();
        loaded = false;
        faces.addMessage(null, new FacesMessage(result.isIntact() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR,
                result.explanation(), null));
    }
}
