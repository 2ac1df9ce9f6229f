package dev.capstan.audit.ui;

import dev.capstan.audit.boundary.AuditCheckpoints;
import dev.capstan.audit.boundary.AuditVerification;
import dev.capstan.audit.boundary.AuditVerification.LastVerification;
import dev.capstan.audit.entity.ChainVerification;
import dev.capstan.audit.entity.CheckpointRecord;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** The auditor's page: verification of the chain and its signed checkpoints. */
@Named("audit")
@ViewScoped
public class AuditBean implements Serializable {

    @EJB
    transient AuditVerification verification;

    @EJB
    transient AuditCheckpoints checkpoints;

    @Inject
    transient FacesContext faces;

    private LastVerification last;
    private List<CheckpointRecord> signed;
    private boolean loaded;

    public LastVerification getLast() {
        load();
        return last;
    }

    public int getCheckpointCount() {
        load();
        return signed.size();
    }

    public CheckpointRecord getNewestCheckpoint() {
        load();
        return signed.isEmpty() ? null : signed.get(signed.size() - 1);
    }

    private void load() {
        if (!loaded) {
            last = verification.last().orElse(null);
            signed = checkpoints.all();
            loaded = true;
        }
    }

    public void signCheckpointNow() {
        loaded = false;
        String message = checkpoints.signNow()
                .map(checkpoint -> "Checkpoint signed at entry " + checkpoint.sequence() + ".")
                .orElse("The trail is empty: there is nothing to sign yet.");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    public void verifyNow() {
        ChainVerification result = verification.verifyNow();
        // This verification, as its audit entry will say once it is linked into the chain (which happens just after).
        loaded = false;
        load();
        last = new LastVerification(Instant.now(), faces.getExternalContext().getRemoteUser(), result.isIntact(), result.explanation());
        faces.addMessage(null, new FacesMessage(result.isIntact() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR,
                result.explanation(), null));
    }
}
