package dev.capstan.platform.api;

import dev.capstan.access.ui.SignedInSession;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

/**
 * Only signed-in callers reach the API. {@code web.xml} leaves {@code /api/*} open at the servlet
 * level, because its constraint for every page would send an anonymous caller to the sign-in page
 * with a redirect; this filter answers 401 instead. A signed-in caller is known from the session
 * (the sign-in mechanism applies it to every request), and the boundaries check their roles again.
 * Pre-matching, so that an anonymous caller learns nothing about which addresses exist.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class SignedInCallerFilter implements ContainerRequestFilter {

    static final String SIGN_IN_FIRST = "Sign in first: the API takes the session of a sign-in at /signin.xhtml.";
    static final String CHANGE_PASSWORD_FIRST = "Change your password first: sign in on the portal and choose your own.";

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            request.abortWith(Problem.of(Status.UNAUTHORIZED, SIGN_IN_FIRST).toResponse());
        } else if (SignedInSession.mustChangePassword(servletRequest.getSession(false))) {
            // As PasswordChangeFilter does for pages: a generated password opens nothing but the password page.
            request.abortWith(Problem.of(Status.FORBIDDEN, CHANGE_PASSWORD_FIRST).toResponse());
        }
    }
}
