package dev.capstan.access.ui;

import dev.capstan.access.boundary.OwnAccount;
import dev.capstan.access.entity.GlobalRole;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/** Who is signed in, as the layout shows it, and signing out. */
@Named("currentUser")
@RequestScoped
public class CurrentUserBean {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @EJB
    OwnAccount ownAccount;

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public String getName() {
        Principal caller = securityContext.getCallerPrincipal();
        return caller == null ? "" : caller.getName();
    }

    public boolean isAdmin() {
        return securityContext.isCallerInRole(GlobalRole.ADMIN_NAME);
    }

    public boolean isAuditor() {
        return securityContext.isCallerInRole(GlobalRole.AUDITOR_NAME);
    }

    public String getRoles() {
        StringBuilder roles = new StringBuilder();
        for (GlobalRole role : GlobalRole.values()) {
            if (securityContext.isCallerInRole(role.name())) {
                roles.append(roles.isEmpty() ? "" : ", ").append(role.name());
            }
        }
        return roles.toString();
    }

    /** Ends the server session (not just the cookie) and returns to the sign-in page. */
    public String signOut() throws ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        ownAccount.signOut();
        request.logout();
        external.invalidateSession();
        return "/signin?faces-redirect=true&signedOut=true";
    }
}
