package dev.capstan.platform;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures of a request mean "the database is out of reach", as a boundary call delivers them. */
class DatabaseUnavailableExceptionTest {

    /** As WildFly delivers a failed boundary call: the EJB wraps JPA, which wraps JDBC. */
    private static Throwable fromABoundary(Throwable jdbc) {
        return new EJBException(new PersistenceException("could not execute statement", jdbc));
    }

    @Test
    void aConnectionRefusedOrLostIsAnOutage() {
        assertTrue(DatabaseUnavailableException.isOutage(fromABoundary(
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"))));
        assertTrue(DatabaseUnavailableException.isOutage(fromABoundary(
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        assertTrue(DatabaseUnavailableException.isOutage(fromABoundary(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));
    }

    @Test
    void aPoolThatCannotHandOutAConnectionIsAnOutage() {
        // IronJacamar: an SQLException without SQLSTATE around its ResourceException, the driver's reason (if any) inside.
        assertTrue(DatabaseUnavailableException.isOutage(fromABoundary(new SQLException("IJ031019: Unable to get managed connection",
                new ResourceException("IJ000655: No managed connections available within configured blocking timeout")))));
        assertTrue(DatabaseUnavailableException.isOutage(fromABoundary(new SQLException("Unable to acquire JDBC Connection",
                new SQLException("FATAL: too many connections for database \"capstan\"", "53300")))));
        assertTrue(DatabaseUnavailableException.isOutage(fromABoundary(
                new SQLException("FATAL: role \"capstan\" is not permitted to log in", "28000"))));
    }

    @Test
    void aRefusalByTheDatabaseIsNoOutage() {
        assertFalse(DatabaseUnavailableException.isOutage(fromABoundary(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(DatabaseUnavailableException.isOutage(fromABoundary(
                new SQLException("canceling statement due to statement timeout", "57014"))));
        assertFalse(DatabaseUnavailableException.isOutage(fromABoundary(new SQLException("no state"))));
        assertFalse(DatabaseUnavailableException.isOutage(new IllegalStateException("not the database at all")));
    }
}
