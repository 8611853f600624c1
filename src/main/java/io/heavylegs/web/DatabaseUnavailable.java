package io.heavylegs.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises a failure caused by the database being out of reach (stopped, restarting, or no connection to be
 * had from the pool in time), as opposed to a bug. Such a failure is answered 503 with Retry-After: the
 * request was fine, it only has to be tried again once PostgreSQL is back.
 */
public final class DatabaseUnavailable {

    /** How long a client is asked to wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        return isCause(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Follows suppressed exceptions too: a commit that fails because PostgreSQL is shutting down surfaces as a
     * RollbackException whose connection error is only attached as suppressed.
     */
    private static boolean isCause(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (isConnectionFailure(failure)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isCause(suppressed, seen)) {
                return true;
            }
        }
        return isCause(failure.getCause(), seen);
    }

    private static boolean isConnectionFailure(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (!(failure instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        // 08: connection exception (refused, broken, closed); 57P0x: the server is shutting down or starting up.
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
            return true;
        }
        // Agroal gives up waiting for a connection with a plain SQLException that carries no state at all.
        String message = sql.getMessage();
        return state == null && message != null && message.toLowerCase().contains("acquisition timeout");
    }
}
