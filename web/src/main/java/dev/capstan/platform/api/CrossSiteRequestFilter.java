package dev.capstan.platform.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.Set;

/**
 * Refuses API calls that a page of another site could make a signed-in browser send (cross-site
 * request forgery, also from another port of the same host, which counts as the same site for
 * cookies): a browser sends a cross-origin request without asking the server first (CORS
 * preflight) only for GET, HEAD and POST with no custom header and no body, or a form or
 * {@code text/plain} body. Such POSTs are refused (GETs change nothing); with a JSON or YAML body or
 * the {@code X-Requested-With} header, a browser sends a call across origins only if the server
 * allows it, and the API allows no other origin. PUT, PATCH and DELETE always need that permission.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class CrossSiteRequestFilter implements ContainerRequestFilter {

    static final String HEADER = "X-Requested-With";
    static final String REFUSED = "Send this call with a JSON (Content-Type: application/json) or YAML body, or, without a body, "
            + "with the header " + HEADER + ": capstan. A browser sends neither from another site, so this keeps other "
            + "sites from acting in your name.";

    /** The body types a cross-site form or script may send without a preflight (Fetch standard, "CORS-safelisted"). */
    private static final Set<String> SIMPLE_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    @Override
    public void filter(ContainerRequestContext request) {
        // A browser adds neither header to a cross-site request without asking the server first.
        if (!"POST".equals(request.getMethod()) || request.getHeaderString(HEADER) != null
                || request.getHeaderString("Authorization") != null) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || SIMPLE_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT))) {
            request.abortWith(Problem.of(Status.FORBIDDEN, REFUSED).toResponse());
        }
    }
}
