package dev.capstan.it.support;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.access.entity.PasswordHash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Direct access to the server's PostgreSQL database, for arranging test data and checking results. */
public final class TestDatabase {

    private TestDatabase() {
    }

    static String user() {
        return System.getProperty("capstan.test.db.user", "capstan");
    }

    static String password() {
        return System.getProperty("capstan.test.db.password", "capstan");
    }

    /** As the role that owns the schema (and migrates it). */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("capstan.test.db.url"), user(), password());
    }

    /**
     * As {@link #connect()}, once the server has linked every recorded entry into the chain: an
     * action's entry waits in audit_pending for a few milliseconds after the action answers
     * (docs/audit.md, "Pending entries"), and a test reading audit_entry directly must not race it.
     */
    public static Connection connectToChain() throws SQLException {
        Connection db = connect();
        long deadline = System.nanoTime() + 15_000_000_000L;
        try (Statement statement = db.createStatement()) {
            while (true) {
                try (ResultSet pending = statement.executeQuery("SELECT count(*) FROM audit_pending")) {
                    pending.next();
                    if (pending.getLong(1) == 0) {
                        return db;
                    }
                }
                if (System.nanoTime() > deadline) {
                    db.close();
                    throw new AssertionError("audit entries stayed pending for 15 s: the server does not link them");
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            db.close();
            throw new SQLException(e);
        }
    }

    /** As the role the server runs as, which owns nothing. */
    public static Connection connectAsServer() throws SQLException {
        return DriverManager.getConnection(System.getProperty("capstan.test.db.url"),
                System.getProperty("capstan.test.db.app.user", "capstan_app"),
                System.getProperty("capstan.test.db.app.password", "capstan_app"));
    }

    /** As a database superuser (role capstan_dba, made by .ci/run): what an attacker with full access could do. */
    public static Connection connectAsSuperuser() throws SQLException {
        return DriverManager.getConnection(System.getProperty("capstan.test.db.url"),
                System.getProperty("capstan.test.db.superuser", "capstan_dba"),
                System.getProperty("capstan.test.db.superuser.password", "capstan_dba"));
    }

    /** A user who has already chosen their own password, as after a first sign-in. */
    public static void createUser(String username, String password, GlobalRole... roles) {
        createUser(username, password, false, roles);
    }

    public static void createUser(String username, String password, boolean mustChangePassword, GlobalRole... roles) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = connect()) {
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO capstan_user (username, display_name, password_hash, must_change_password, enabled,"
                            + " created_at, password_changed_at) VALUES (?, ?, ?, ?, true, ?, ?) RETURNING id")) {
                insert.setString(1, username);
                insert.setString(2, username);
                insert.setString(3, PasswordHash.of(password.toCharArray()).encoded());
                insert.setBoolean(4, mustChangePassword);
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                try (ResultSet keys = insert.executeQuery()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            for (GlobalRole role : roles) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO capstan_user_role (user_id, role) VALUES (?, ?)")) {
                    insert.setLong(1, id);
                    insert.setString(2, role.name());
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test user " + username, e);
        }
    }

    public static boolean isEnabled(String username) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT enabled FROM capstan_user WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no user " + username);
                }
                return result.getBoolean(1);
            }
        }
    }
}
