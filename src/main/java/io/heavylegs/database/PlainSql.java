package io.heavylegs.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * The few statements written in plain JDBC because Hibernate's per-query work cost more than the query itself
 * there (the session check, the journal list and the re-marking job's batches: bench/RESULTS.md). Everything
 * else reads and writes through Panache. Inside a transaction the connection is the transaction's own, so these
 * statements commit or roll back with the entities of the same transaction.
 * <p>
 * Parameters are named ({@code :owner}) and bound by name, so a query built from optional parts cannot bind a
 * value to the wrong placeholder. A failed read keeps the driver's {@link SQLException} as its cause, so that a
 * database outage is still recognised and answered 503 (web/DatabaseUnavailable follows causes).
 */
public final class PlainSql {

    /** Reads what it needs from the result rows; the rows are closed afterwards. */
    @FunctionalInterface
    public interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** A statement that failed; the cause is the driver's or the pool's exception. */
    public static final class ReadFailed extends RuntimeException {
        ReadFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A statement with its named parameters turned into JDBC placeholders, in placeholder order. */
    record Parsed(String jdbc, List<String> names) {
    }

    /** The journal's queries are built from a handful of shapes; each is parsed once. */
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    private PlainSql() {
    }

    /** Runs {@code sql} with the {@code :name} placeholders bound from {@code parameters}. */
    public static <T> T query(DataSource dataSource, String sql, Map<String, ?> parameters, RowsReader<T> reader) {
        Parsed parsed = PARSED.computeIfAbsent(sql, PlainSql::parse);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(parsed.jdbc())) {
            bind(connection, statement, parsed, parameters, sql);
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new ReadFailed(e);
        }
    }

    /**
     * Runs {@code sql} once per parameter set of {@code rows} as one JDBC batch: the driver sends the whole
     * batch without waiting for each statement's answer. Returns the number of rows changed.
     */
    public static long batch(DataSource dataSource, String sql, List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Parsed parsed = PARSED.computeIfAbsent(sql, PlainSql::parse);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(parsed.jdbc())) {
            for (Map<String, ?> parameters : rows) {
                bind(connection, statement, parsed, parameters, sql);
                statement.addBatch();
            }
            long changed = 0;
            for (int count : statement.executeBatch()) {
                changed += Math.max(count, 0);
            }
            return changed;
        } catch (SQLException e) {
            throw new ReadFailed(e);
        }
    }

    /**
     * Runs one statement that changes rows, {@code sql} with the {@code :name} placeholders bound from
     * {@code parameters}; returns the number of rows changed. With arrays for {@code unnest}, one statement
     * writes many rows in one round trip.
     */
    public static long update(DataSource dataSource, String sql, Map<String, ?> parameters) {
        Parsed parsed = PARSED.computeIfAbsent(sql, PlainSql::parse);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(parsed.jdbc())) {
            bind(connection, statement, parsed, parameters, sql);
            return statement.executeLargeUpdate();
        } catch (SQLException e) {
            throw new ReadFailed(e);
        }
    }

    /**
     * Binds by name; a {@code String[]}, {@code Long[]} or {@code Integer[]} becomes a PostgreSQL {@code text[]},
     * {@code bigint[]} or {@code integer[]}.
     */
    private static void bind(Connection connection, PreparedStatement statement, Parsed parsed,
            Map<String, ?> parameters, String sql) throws SQLException {
        for (int i = 0; i < parsed.names().size(); i++) {
            String name = parsed.names().get(i);
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name + " in " + sql);
            }
            Object value = parameters.get(name);
            if (value instanceof String[] texts) {
                statement.setArray(i + 1, connection.createArrayOf("text", texts));
            } else if (value instanceof Long[] numbers) {
                statement.setArray(i + 1, connection.createArrayOf("bigint", numbers));
            } else if (value instanceof Integer[] numbers) {
                statement.setArray(i + 1, connection.createArrayOf("integer", numbers));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** {@code :name} outside quotes becomes {@code ?}; PostgreSQL's {@code ::type} casts are left alone. */
    static Parsed parse(String sql) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            boolean cast = i + 1 < sql.length() && sql.charAt(i + 1) == ':' || i > 0 && sql.charAt(i - 1) == ':';
            if (c == ':' && !quoted && !cast && i + 1 < sql.length()
                    && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                jdbc.append('?');
                i = end - 1;
            } else {
                jdbc.append(c);
            }
        }
        return new Parsed(jdbc.toString(), List.copyOf(names));
    }
}
