package dev.capstan.audit.ui;

import dev.capstan.audit.boundary.AuditTrail;
import dev.capstan.audit.entity.AuditEvent;
import dev.capstan.audit.entity.AuditOutcome;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

/** Records what the server refused a signed-in person: a page, or an operation behind a page. */
@Named
@RequestScoped
public class AccessDenials {

    @EJB
    AuditTrail audit;

    /** Called by the 403 page, which the container shows in place of the refused page. */
    public void recordRefusedPage() {
        Object refused = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(RequestDispatcher.ERROR_REQUEST_URI);
        if (refused != null) {
            audit.recordRefusal(AuditEvent.of("access.denied").on("page", null, refused.toString()),
                    AuditOutcome.DENIED, "the role does not allow this page");
        }
    }

    /** Called by the exception handler when an EJB refused the caller. */
    public void recordRefusedOperation(String viewId, String containerMessage) {
        audit.recordRefusal(AuditEvent.of("access.denied").on("page", null, viewId), AuditOutcome.DENIED, containerMessage);
    }
}
