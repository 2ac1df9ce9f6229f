package dev.capstan.bench.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks' own PostgreSQL database (capstan_bench), with the tables made by Capstan's own
 * migration scripts, so the benchmarks measure the real table shape.
 */
final class BenchDatabase {

    static final String URL = System.getProperty("bench.db.url", "jdbc:postgresql://127.0.0.1:5432/capstan_bench");
    static final String USER = System.getProperty("bench.db.user", "capstan");
    static final String PASSWORD = System.getProperty("bench.db.password", "capstan");
    private static final Path MIGRATIONS = Path.of(System.getProperty("bench.migrations", "../ejb/src/main/resources/db/migration"));
    private static final Path POSTGRESQL_MIGRATIONS = MIGRATIONS.resolveSibling("migration-postgresql");

    private BenchDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /** Drops and recreates the benchmark database with the audit tables (V2) and their indexes (V4). */
    static void recreate() throws SQLException, IOException {
        recreate(List.of(MIGRATIONS.resolve("V2__audit_trail.sql"), MIGRATIONS.resolve("V4__audit_log_indexes.sql")));
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // The plain table: the same shape, no chain.
            statement.execute("CREATE TABLE audit_entry_plain (LIKE audit_entry INCLUDING ALL)");
        }
    }

    /**
     * Drops and recreates the benchmark database as the server has it for an audited project
     * change: users (V1, which the projects' tables refer to), the audit trail (V2, V2_1, V4), the
     * projects (V6), the chain head's time (V7), the pending entries (V8) and, on PostgreSQL, the
     * triggers that date entries by the database's clock and protect pending ones (V7_1, V8_1).
     */
    static void recreateForChanges() throws SQLException, IOException {
        recreate(List.of(MIGRATIONS.resolve("V1__users.sql"), MIGRATIONS.resolve("V2__audit_trail.sql"),
                POSTGRESQL_MIGRATIONS.resolve("V2_1__audit_entries_are_final.sql"),
                MIGRATIONS.resolve("V4__audit_log_indexes.sql"), MIGRATIONS.resolve("V6__projects.sql"),
                MIGRATIONS.resolve("V7__audit_chain_head_time.sql"),
                POSTGRESQL_MIGRATIONS.resolve("V7_1__audit_entry_time_from_database.sql"),
                MIGRATIONS.resolve("V8__audit_pending.sql"), POSTGRESQL_MIGRATIONS.resolve("V8_1__audit_pending_protected.sql")));
    }

    private static void recreate(List<Path> scripts) throws SQLException, IOException {
        String database = URL.substring(URL.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(URL.substring(0, URL.lastIndexOf('/') + 1) + "postgres", USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (Path script : scripts) {
                for (String sql : statements(Files.readString(script).replace("${runtimeRole}", USER))) {
                    statement.execute(sql);
                }
            }
        }
    }

    /**
     * A migration script's statements: split on ';' except inside a {@code $$ ... $$} function
     * body, whose own statements end in ';' too. Whole-line comments are dropped.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        String text = script.replaceAll("(?m)^\\s*--.*$", "");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                inBody = !inBody;
                current.append("$$");
                i++;
            } else if (c == ';' && !inBody) {
                if (!current.toString().isBlank()) {
                    statements.add(current.toString().trim());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }
}
