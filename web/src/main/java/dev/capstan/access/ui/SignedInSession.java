package dev.capstan.access.ui;

import dev.capstan.access.control.SessionRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * What Capstan keeps in a signed-in user's web session, and the bookkeeping that lets an
 * administrator end it.
 */
@WebListener
public class SignedInSession implements HttpSessionListener {

    static final String USERNAME = "capstan.username";
    static final String MUST_CHANGE_PASSWORD = "capstan.mustChangePassword";

    @Inject
    SessionRegistry registry;

    static void start(SessionRegistry registry, HttpSession session, String username, boolean mustChangePassword) {
        session.setAttribute(USERNAME, username);
        session.setAttribute(MUST_CHANGE_PASSWORD, mustChangePassword);
        registry.signedIn(username, session);
    }

    public static boolean mustChangePassword(HttpSession session) {
        return session != null && Boolean.TRUE.equals(session.getAttribute(MUST_CHANGE_PASSWORD));
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
