package io.heavylegs.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void refusedConnectionDeepInsideThePersistenceLayerIsAnOutage() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5499 refused", "08001");
        assertTrue(DatabaseUnavailable.isCause(new PersistenceException("could not execute query",
                new RuntimeException(refused))));
    }

    @Test
    void serverShuttingDownIsAnOutage() {
        assertTrue(DatabaseUnavailable.isCause(
                new SQLException("terminating connection due to administrator command", "57P01")));
    }

    @Test
    void commitFailingBecauseTheServerStopsIsAnOutage() {
        Exception commit = new Exception("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        commit.addSuppressed(xa);
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException("Error invoking subclass method", commit)));
    }

    @Test
    void poolGivingUpWaitingIsAnOutage() {
        assertTrue(DatabaseUnavailable.isCause(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(DatabaseUnavailable.isCause(new SQLTransientConnectionException("no connection")));
    }

    @Test
    void aBrokenQueryOrABugIsNot() {
        assertFalse(DatabaseUnavailable.isCause(new SQLException("syntax error at or near", "42601")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.isCause(null));
    }
}
