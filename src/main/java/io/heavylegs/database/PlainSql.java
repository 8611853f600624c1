package io.heavylegs.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * What the few reads written in plain JDBC share (the journal list and the session check, the two most
 * frequent queries of the app): binding parameters in placeholder order, and turning a checked
 * {@link SQLException} into an unchecked one that keeps it as the cause, so that a database outage is still
 * recognised and answered 503 (web/DatabaseUnavailable follows causes).
 */
public final class PlainSql {

    /** A read that failed; the cause is the driver's or the pool's exception. */
    public static final class ReadFailed extends RuntimeException {
        ReadFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private PlainSql() {
    }

    /** The statement with its parameters bound: the first parameter to the first placeholder, and so on. */
    public static PreparedStatement prepare(Connection connection, String sql, List<?> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    public static ReadFailed failed(SQLException e) {
        return new ReadFailed(e);
    }
}
