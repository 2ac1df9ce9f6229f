package dev.capstan.access.ui;

import dev.capstan.access.control.SessionRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Capstan keeps in a signed-in user's web session, and the bookkeeping that lets an
 * administrator end it.
 */
@WebListener
public class SignedInSession implements HttpSessionListener {

    static final String USERNAME = "capstan.username";
    static final String MUST_CHANGE_PASSWORD = "capstan.mustChangePassword";
    static final String SIGNED_IN_AT = "capstan.signedInAt";
    static final String ROLES = "capstan.roles";
    static final String ASKED_FOR = "capstan.askedFor";

    @Inject
    SessionRegistry registry;

    static void start(SessionRegistry registry, HttpSession session, String username, Set<String> roles, boolean mustChangePassword) {
        session.setAttribute(USERNAME, username);
        session.setAttribute(ROLES, Set.copyOf(roles));
        session.setAttribute(MUST_CHANGE_PASSWORD, mustChangePassword);
        session.setAttribute(SIGNED_IN_AT, Instant.now());
        registry.signedIn(username, session);
    }

    /** Who signed in with this session, with the roles they had then; empty before sign-in. */
    static Optional<Caller> caller(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            return session.getAttribute(USERNAME) instanceof String username && session.getAttribute(ROLES) instanceof Set<?> roles
                    ? Optional.of(new Caller(username, roles.stream().map(String::valueOf).collect(Collectors.toSet())))
                    : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    record Caller(String username, Set<String> roles) {
    }

    /** Keeps the page a visitor asked for before signing in (a GET's path and query), to go on to it after. */
    static void askedFor(HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) && !"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            request.getSession(true).setAttribute(ASKED_FOR, request.getQueryString() == null ? path : path + "?" + request.getQueryString());
        }
    }

    /** The page asked for before signing in, once: a path on this portal, never another site. */
    static Optional<String> takeAskedFor(HttpSession session) {
        Object asked = session.getAttribute(ASKED_FOR);
        session.removeAttribute(ASKED_FOR);
        return asked instanceof String path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
                && !path.startsWith("/signin.xhtml") ? Optional.of(path) : Optional.empty();
    }

    public static boolean mustChangePassword(HttpSession session) {
        return session != null && Boolean.TRUE.equals(session.getAttribute(MUST_CHANGE_PASSWORD));
    }

    /** Whether the session was signed in longer ago than {@code lifetime}, however busy it has been since. */
    static boolean outlived(HttpSession session, Duration lifetime, Instant now) {
        Object signedInAt = session.getAttribute(SIGNED_IN_AT);
        return signedInAt instanceof Instant at && !now.isBefore(at.plus(lifetime));
    }

    static void passwordChanged(HttpSession session) {
        session.setAttribute(MUST_CHANGE_PASSWORD, false);
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object username = event.getSession().getAttribute(USERNAME);
        if (username != null) {
            registry.ended(username.toString(), event.getSession());
        }
    }
}
