package dev.capstan.platform;

import java.sql.SQLException;

/**
 * Capstan cannot reach its database at start. The message names the setting to look at; the
 * exception carries no stack trace, because the cause is configuration, not code.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message) {
        super(message, null, false, false);
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
