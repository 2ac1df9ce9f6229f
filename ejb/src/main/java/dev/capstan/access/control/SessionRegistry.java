package dev.capstan.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.servlet.http.HttpSession;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The web sessions of each signed-in user on this node, so that disabling a user, resetting
 * their password or changing their roles ends the sessions they have open. (Across nodes this
 * becomes a Redis message with the scale-out work.)
 */
@ApplicationScoped
public class SessionRegistry {

    private static final Logger LOG = Logger.getLogger(SessionRegistry.class.getName());

    private final Map<String, Set<HttpSession>> sessionsByUser = new ConcurrentHashMap<>();

    public void signedIn(String username, HttpSession session) {
        sessionsByUser.computeIfAbsent(username, name -> ConcurrentHashMap.newKeySet()).add(session);
    }

    public void ended(String username, HttpSession session) {
        sessionsByUser.computeIfPresent(username, (name, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /** Ends the user's sessions once the change that asked for it has committed. */
    void endSessions(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserSessionsEnded event) {
        Set<HttpSession> sessions = sessionsByUser.remove(event.username());
        if (sessions == null) {
            return;
        }
        for (HttpSession session : sessions) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile by time-out or sign-out: nothing left to do
            }
        }
        LOG.info(() -> "Ended " + sessions.size() + " session(s) of " + event.username() + ": " + event.reason());
    }
}
