package dev.capstan.access.ui;

import dev.capstan.access.boundary.OwnAccount;
import dev.capstan.platform.BusinessRuleException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The own-password page. */
@Named("ownPassword")
@RequestScoped
public class OwnPasswordBean {

    @EJB
    OwnAccount account;

    @Inject
    FacesContext faces;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    public String change() {
        if (newPassword == null || !newPassword.equals(confirmation)) {
            throw new BusinessRuleException("confirmation", "The two new passwords differ.");
        }
        int otherSessions = account.changePassword(currentPassword.toCharArray(), newPassword.toCharArray());
        SignedInSession.passwordChanged(((HttpServletRequest) faces.getExternalContext().getRequest()).getSession());
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Your password has been changed." + switch (otherSessions) {
            case 0 -> "";
            case 1 -> " Your other session (another browser or device) was signed out.";
            default -> " Your " + otherSessions + " other sessions (other browsers or devices) were signed out.";
        }, null));
        return "/index?faces-redirect=true";
    }

    public boolean isRequired() {
        return SignedInSession.mustChangePassword(((HttpServletRequest) faces.getExternalContext().getRequest()).getSession(false));
    }

    public String getCurrentPassword() {
        return null;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return null;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return null;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
