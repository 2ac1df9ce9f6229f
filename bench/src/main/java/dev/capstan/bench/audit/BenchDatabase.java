package dev.capstan.bench.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmarks' own PostgreSQL database (capstan_bench), with the audit tables made by
 * Capstan's own migration scripts, so the benchmarks measure the real table shape.
 */
final class BenchDatabase {

    static final String URL = System.getProperty("bench.db.url", "jdbc:postgresql://127.0.0.1:5432/capstan_bench");
    static final String USER = System.getProperty("bench.db.user", "capstan");
    static final String PASSWORD = System.getProperty("bench.db.password", "capstan");
    private static final Path MIGRATIONS = Path.of(System.getProperty("bench.migrations", "../ejb/src/main/resources/db/migration"));

    private BenchDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /** Drops and recreates the benchmark database with the audit tables (V2) and their indexes (V4). */
    static void recreate() throws SQLException, IOException {
        String database = URL.substring(URL.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(URL.substring(0, URL.lastIndexOf('/') + 1) + "postgres", USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String script : new String[]{"V2__audit_trail.sql", "V4__audit_log_indexes.sql"}) {
                for (String sql : Files.readString(MIGRATIONS.resolve(script)).replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            // The plain table: the same shape, no chain.
            statement.execute("CREATE TABLE audit_entry_plain (LIKE audit_entry INCLUDING ALL)");
        }
    }
}
