package io.heavylegs.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

/**
 * The few reads written in plain JDBC (the journal list and the session check, the most frequent queries of the
 * app) run through {@link #query}: a pooled connection, the parameters bound in placeholder order, and a checked
 * {@link SQLException} turned into an unchecked one that keeps it as the cause, so that a database outage is
 * still recognised and answered 503 (web/DatabaseUnavailable follows causes).
 */
public final class PlainSql {

    /** Reads what it needs from the result rows; the rows are closed afterwards. */
    @FunctionalInterface
    public interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** A read that failed; the cause is the driver's or the pool's exception. */
    public static final class ReadFailed extends RuntimeException {
        ReadFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private PlainSql() {
    }

    /** Runs {@code sql} with its parameters (the first to the first placeholder, and so on). */
    public static <T> T query(DataSource dataSource, String sql, List<?> parameters, RowsReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new ReadFailed(e);
        }
    }
}
