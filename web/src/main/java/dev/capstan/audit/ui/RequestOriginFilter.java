package dev.capstan.audit.ui;

import dev.capstan.access.boundary.TokenSignIn;
import dev.capstan.access.ui.SecurityConfiguration;
import dev.capstan.audit.control.CurrentRequest;
import dev.capstan.audit.entity.RequestOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.UUID;

/**
 * Notes where each request comes from, for the audit trail, and gives it an id that the
 * response carries in {@code X-Request-Id}, so a person's report can be matched to entries.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestOriginFilter extends HttpFilter {

    private static final String REQUEST_ID = "capstan.requestId";

    @Inject
    CurrentRequest currentRequest;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = note(request, currentRequest);
        response.setHeader("X-Request-Id", requestId);
        chain.doFilter(request, response);
    }

    /**
     * Notes where {@code request} comes from, and returns its id. The authentication mechanism calls
     * it too, before this filter runs, so that a refused token's entry says where it came from; the
     * request keeps one id either way.
     */
    public static String note(HttpServletRequest request, CurrentRequest current) {
        String requestId = (String) request.getAttribute(REQUEST_ID);
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
            request.setAttribute(REQUEST_ID, requestId);
        }
        HttpSession session = request.getSession(false);
        current.arrived(new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"), requestId),
                session == null ? null : session.getId(),
                request.getAttribute(SecurityConfiguration.TOKEN) instanceof TokenSignIn token ? token.limits().tokenName() : null);
        return requestId;
    }
}
