package dev.capstan.it.support;

import java.sql.SQLException;

/** Reads the audit trail as the tests see it: entries are linked into audit_entry just after their action commits. */
public final class Trail {

    private Trail() {
    }

    /**
     * The first column of the first row {@code sql} (over the chain's tables, with {@code parameters})
     * gives once the entries it looks for are linked; null if none are within 10 seconds.
     */
    public static String await(String sql, Object... parameters) throws SQLException, InterruptedException {
        for (int wait = 0; wait < 50; wait++) {
            try (var connection = TestDatabase.connectToChain(); var query = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                try (var row = query.executeQuery()) {
                    if (row.next() && row.getString(1) != null && !"0".equals(row.getString(1))) {
                        return row.getString(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        return null;
    }
}
