import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Connects once to the PostgreSQL database that CAPSTAN_DB_URL, CAPSTAN_DB_USER and
 * CAPSTAN_DB_PASSWORD name, before WildFly starts, so that a wrong value is reported in one line
 * naming the variable to fix instead of a wall of deployment failures. Run by capstan.sh in
 * source-file mode with the PostgreSQL driver on the class path; exits 0 when the connection works.
 */
public class CapstanDatabaseCheck {

    public static void main(String[] args) {
        String url = System.getenv("CAPSTAN_DB_URL");
        check(url, "CAPSTAN_DB_USER", "CAPSTAN_DB_PASSWORD");
        if (System.getenv("CAPSTAN_DB_MIGRATION_USER") != null && !System.getenv("CAPSTAN_DB_MIGRATION_USER").isBlank()) {
            check(url, "CAPSTAN_DB_MIGRATION_USER", "CAPSTAN_DB_MIGRATION_PASSWORD");
        }
    }

    private static void check(String url, String userVariable, String passwordVariable) {
        String user = System.getenv(userVariable);
        try (var connection = DriverManager.getConnection(url + separator(url) + "connectTimeout=10", user,
                System.getenv(passwordVariable))) {
            connection.isValid(10);
        } catch (SQLException e) {
            System.err.println("Capstan cannot start: " + explain(e, url, user, userVariable, passwordVariable));
            System.exit(2);
        }
    }

    private static String separator(String url) {
        return url.contains("?") ? "&" : "?";
    }

    // PostgreSQL SQLSTATEs: 28P01 wrong password, 28000 role unknown or refused by pg_hba.conf,
    // 3D000 no such database, 08xxx the server cannot be reached.
    private static String explain(SQLException e, String url, String user, String userVariable, String passwordVariable) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = firstLine(e.getMessage());
        if (state.equals("28P01")) {
            return passwordVariable + " is not the password of PostgreSQL role '" + user + "' (" + reason + ").";
        }
        if (state.equals("28000")) {
            return userVariable + " '" + user + "' may not sign in to " + url + " (" + reason + ").";
        }
        if (state.equals("3D000")) {
            return "CAPSTAN_DB_URL names a database that does not exist: " + url + " (" + reason + ").";
        }
        return "CAPSTAN_DB_URL " + url + " cannot be reached (" + reason + ").";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message.trim() : message.substring(0, end).trim();
    }
}
