package dev.capstan.platform.api;

import dev.capstan.access.boundary.TokenSignIn;
import dev.capstan.access.ui.SecurityConfiguration;
import dev.capstan.access.ui.SignedInSession;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

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

    static final String SIGN_IN_FIRST = "Sign in first: the API takes a personal API token (Authorization: Bearer ...) "
            + "or the session of a sign-in at /signin.xhtml.";
    static final String TOKEN_REFUSED = "The API token is unknown, expired or revoked. Make a new one on your Account page.";
    static final String CHANGE_PASSWORD_FIRST = "Change your password first: sign in on the portal and choose your own.";

    @Context
    HttpServletRequest servletRequest;

    /** The project a call is about: {@code /api/v1/projects/{key}/...}; null for calls about no one project. */
    static String projectOf(List<PathSegment> segments) {
        List<String> path = segments.stream().map(PathSegment::getPath).filter(s -> !s.isEmpty()).toList();
        int projects = path.indexOf("projects");
        return projects >= 0 && projects + 1 < path.size() && !(projects + 2 == path.size() && path.get(projects + 1).equals("import"))
                ? path.get(projects + 1) : null;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (servletRequest.getAttribute(SecurityConfiguration.TOKEN_REFUSED) != null) {
            request.abortWith(Response.fromResponse(Problem.of(Status.UNAUTHORIZED, TOKEN_REFUSED).toResponse())
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build());
        } else if (request.getSecurityContext().getUserPrincipal() == null) {
            request.abortWith(Problem.of(Status.UNAUTHORIZED, SIGN_IN_FIRST).toResponse());
        } else if (servletRequest.getAttribute(SecurityConfiguration.TOKEN) instanceof TokenSignIn token) {
            token.limits().refusal(request.getMethod(), projectOf(request.getUriInfo().getPathSegments()))
                    .ifPresent(refusal -> request.abortWith(Problem.of(Status.FORBIDDEN, refusal).toResponse()));
        } else if (SignedInSession.mustChangePassword(servletRequest.getSession(false))) {
            // As PasswordChangeFilter does for pages: a generated password opens nothing but the password page.
            request.abortWith(Problem.of(Status.FORBIDDEN, CHANGE_PASSWORD_FIRST).toResponse());
        }
    }
}
