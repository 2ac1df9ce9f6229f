package dev.capstan.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Capstan cannot reach its database at start. The message names the setting to look at; the
 * exception carries no stack trace, because the cause is configuration, not code.
 *
 * <p>Also tells, for a request that failed, whether the database could not be reached
 * ({@link #isOutage}), so the API and pages can say so instead of "something went wrong".
 */
public class DatabaseUnavailableException extends RuntimeException {

    /** What a person is told when their request found the database out of reach. */
    public static final String DURING_REQUEST = "Not done: database unavailable. Capstan cannot reach its database "
            + "right now; try again in a minute, and tell an administrator if it lasts.";

    /** The connection pool's own exception: it could not hand out a connection (a name, as deployments may not see the connector API). */
    private static final String POOL_FAILURE = "jakarta.resource.ResourceException";

    public DatabaseUnavailableException(String message) {
        super(message, null, false, false);
    }

    /**
     * Whether {@code thrown} (or a cause) says the database was out of reach, rather than that it
     * refused what was asked: no connection could be had from the pool, or one was lost. By
     * SQLSTATE class: 08 connection exception, 28 the role may not sign in, 53 the server is out of
     * resources (e.g. too many connections), 57P shut down or the connection was terminated.
     */
    public static boolean isOutage(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || isPoolFailure(t.getClass())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("28") || state.startsWith("53") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isPoolFailure(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(POOL_FAILURE)) {
                return true;
            }
        }
        return false;
    }

    static String explain(SQLException e) {
        String url = System.getenv("CAPSTAN_DB_URL");
        String cause = rootMessage(e);
        if (url == null || url.isBlank()) {
            return "Capstan cannot open its embedded database (in CAPSTAN_DATA_DIR): " + cause;
        }
        return "Capstan cannot connect to the PostgreSQL database at CAPSTAN_DB_URL=" + url
                + " as CAPSTAN_DB_USER=" + System.getenv("CAPSTAN_DB_USER")
                + " (check CAPSTAN_DB_URL, CAPSTAN_DB_USER and CAPSTAN_DB_PASSWORD): " + cause;
    }

    /** The innermost cause's message: for the log, one line instead of a stack trace per request during an outage. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
