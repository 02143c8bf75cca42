package io.mlconnector.jdbc.internal;

import io.mlconnector.jdbc.JdbcDialect;
import io.mlconnector.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * One store's access to the host's {@link DataSource}: runs each operation as one short transaction on a borrowed
 * connection (whatever auto-commit mode the pool hands out, and restores it), detects the dialect once, and wraps
 * {@link SQLException} in {@link JdbcStoreException}.
 */
public final class JdbcAccess {
    /** SQL state of a unique-constraint violation on both PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Runs statements on the connection of the transaction.
         *
         * @param connection the connection (do not close it)
         * @return the work's result
         * @throws SQLException when a statement fails
         */
        T run(Connection connection) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowReader<T> {
        /**
         * Reads the current row.
         *
         * @param row the result set, on the row to read
         * @return the value
         * @throws SQLException when a column cannot be read
         */
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;
    private final TablePrefix prefix;
    private final BiFunction<String, SQLException, JdbcStoreException> errors;
    private volatile JdbcDialect dialect;

    /**
     * @param dataSource the host's data source
     * @param prefix     validated table prefix
     * @param dialect    the dialect, or null to detect it on first use
     * @param errors     how driver exceptions become store exceptions (operation name, cause)
     */
    public JdbcAccess(DataSource dataSource, TablePrefix prefix, JdbcDialect dialect,
                      BiFunction<String, SQLException, JdbcStoreException> errors) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.prefix = Objects.requireNonNull(prefix, "tablePrefix");
        this.dialect = dialect;
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * Access that reports driver messages in full.
     *
     * @param dataSource the host's data source
     * @param prefix validated table prefix
     * @param dialect the dialect, or null to detect it on first use
     * @return the {@code JdbcAccess}
     */
    public static JdbcAccess of(DataSource dataSource, TablePrefix prefix, JdbcDialect dialect) {
        return new JdbcAccess(dataSource, prefix, dialect, JdbcStoreException::of);
    }

    /**
     * The prefix.
     *
     * @return the prefix
     */
    public TablePrefix prefix() {
        return prefix;
    }

    /**
     * The data source.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The dialect, detected from {@code connection}'s metadata the first time.
     *
     * @param connection the connection
     * @return the dialect, detected from {@code connection}'s metadata the first time
     * @throws SQLException when the database call fails
     */
    public JdbcDialect dialect(Connection connection) throws SQLException {
        JdbcDialect d = dialect;
        if (d == null) {
            d = JdbcDialect.of(connection.getMetaData());
            dialect = d;
        }
        return d;
    }

    /**
     * Runs {@code work} in one transaction, committed on success and rolled back on any failure.
     *
     * @param operation the operation
     * @param work the work
     * @param <T> the result type
     * @return what the work returned
     */
    public <T> T transaction(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                if (autoCommit) {
                    restoreAutoCommitQuietly(c, e);
                }
                throw e;
            }
            if (autoCommit) {
                c.setAutoCommit(true);
            }
            return result;
        } catch (SQLException e) {
            throw errors.apply(operation, e);
        }
    }

    /**
     * Executes an insert, update or delete; returns the row count.
     *
     * @param c the connection
     * @param sql the SQL
     * @param params the SQL params
     * @return the row count
     * @throws SQLException when the database call fails
     */
    public static int update(Connection c, String sql, SqlParams params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            params.bind(ps);
            return ps.executeUpdate();
        }
    }

    /**
     * Executes an insert that may hit a unique constraint; returns the row count, 0 when the row already existed.
     * Only for H2, where a failed statement does not abort the transaction (PostgreSQL uses {@code ON CONFLICT}).
     *
     * @param c the connection
     * @param sql the SQL
     * @param params the SQL params
     * @return the row count, 0 when the row already existed
     * @throws SQLException when the database call fails
     */
    public static int insertUnlessDuplicate(Connection c, String sql, SqlParams params) throws SQLException {
        try {
            return update(c, sql, params);
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * Every row of a query.
     *
     * @param c the connection
     * @param sql the SQL
     * @param params the SQL params
     * @param reader the row reader
     * @param <T> the result type
     * @return every row of a query
     * @throws SQLException when the database call fails
     */
    public static <T> List<T> query(Connection c, String sql, SqlParams params, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            params.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
                return out;
            }
        }
    }

    /**
     * The first row of a query, if any.
     *
     * @param c the connection
     * @param sql the SQL
     * @param params the SQL params
     * @param reader the row reader
     * @param <T> the result type
     * @return the first row of a query, if any
     * @throws SQLException when the database call fails
     */
    public static <T> Optional<T> queryFirst(Connection c, String sql, SqlParams params, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            params.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Whether {@code e} (or a chained exception) reports a unique-constraint violation.
     *
     * @param e the SQL exception
     * @return whether {@code e} (or a chained exception) reports a unique-constraint violation
     */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A nullable BIGINT column as an instant.
     *
     * @param row the row set
     * @param column the column
     * @return a nullable BIGINT column as an instant
     * @throws SQLException when the database call fails
     */
    public static java.time.Instant instant(ResultSet row, String column) throws SQLException {
        long nanos = row.getLong(column);
        return row.wasNull() ? null : EpochNanos.toInstant(nanos);
    }

    private static void restoreAutoCommitQuietly(Connection c, Throwable failure) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
