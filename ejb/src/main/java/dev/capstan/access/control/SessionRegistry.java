package dev.capstan.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.servlet.http.HttpSession;

import java.util.ArrayList;
import java.util.List;
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

    /** How many sessions {@code username} has open on this node besides {@code sessionId}. */
    public int otherSessions(String username, String sessionId) {
        Set<HttpSession> sessions = sessionsByUser.getOrDefault(username, Set.of());
        return (int) sessions.stream().filter(session -> !session.getId().equals(sessionId)).count();
    }

    /** Ends the user's sessions (but the one to keep) once the change that asked for it has committed. */
    void endSessions(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserSessionsEnded event) {
        Set<HttpSession> all = sessionsByUser.remove(event.username());
        if (all == null) {
            return;
        }
        List<HttpSession> sessions = new ArrayList<>();
        for (HttpSession session : all) {
            if (session.getId().equals(event.keptSessionId())) {
                signedIn(event.username(), session);
            } else {
                sessions.add(session);
            }
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
