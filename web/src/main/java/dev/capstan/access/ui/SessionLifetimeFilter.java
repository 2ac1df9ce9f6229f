package dev.capstan.access.ui;

import dev.capstan.platform.Settings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * A session lasts at most {@code CAPSTAN_SESSION_MAX_LIFETIME} (12 hours) from its sign-in, however
 * busy: a stolen session cookie is worth nothing after that. The idle time-out (30 minutes) ends
 * quiet sessions earlier. An outlived session ends at its next request: a page asks for sign-in
 * again and then returns to itself, the API answers 401.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SessionLifetimeFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SessionLifetimeFilter.class.getName());
    static final Duration LIFETIME = Settings.duration("capstan.session.max-lifetime", Duration.ofHours(12));

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session == null || !SignedInSession.outlived(session, LIFETIME, Instant.now())) {
            chain.doFilter(request, response);
            return;
        }
        Object username = session.getAttribute(SignedInSession.USERNAME);
        session.invalidate();
        LOG.info(() -> "The session of " + username + " outlived " + LIFETIME + " and ended");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":"
                    + "\"Your session ended: a session lasts at most " + hours() + " from its sign-in. Sign in again.\"}");
            return;
        }
        // The same page again: without a session it leads to the sign-in page, and from there back here.
        String again = "GET".equals(request.getMethod()) && request.getQueryString() != null
                ? request.getRequestURI() + "?" + request.getQueryString() : request.getRequestURI();
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + request.getRequestURI().replace("\"", "%22") + "\"/></partial-response>");
            return;
        }
        response.sendRedirect(again);
    }

    private static String hours() {
        long minutes = LIFETIME.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " hours" : minutes + " minutes";
    }
}
