package io.mlconnector.jdbc;

import io.mlconnector.core.error.ConnectorException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * A JDBC store operation failed in the database (connection lost, timeout, constraint, missing table). Retryable
 * when the SQL state says the failure is transient (connection, serialization, deadlock, resources, timeout).
 */
public class JdbcStoreException extends ConnectorException {
    private static final long serialVersionUID = 1L;
    /** The driver's SQLSTATE, or null. */
    private final String sqlState;
    /** Whether repeating the operation may succeed (connection loss, serialization failure, deadlock). */
    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param sqlState the SQL state
     * @param retryable whether repeating the operation may succeed
     * @param cause the underlying failure
     */
    public JdbcStoreException(String message, String sqlState, boolean retryable, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.retryable = retryable;
    }

    /**
     * Wraps a driver exception, naming the store operation that failed.
     *
     * @param operation the operation
     * @param e the SQL exception
     * @return the {@code JdbcStoreException}
     */
    public static JdbcStoreException of(String operation, SQLException e) {
        return new JdbcStoreException("JDBC " + operation + " failed [SQLState " + e.getSQLState() + "]: "
                + e.getMessage(), e.getSQLState(), isTransient(e), e);
    }

    /**
     * Wraps a driver exception without its message or cause, for operations whose driver messages could echo
     * bound values (credential bytes): only the SQL state and vendor code are kept.
     *
     * @param operation the operation
     * @param e the SQL exception
     * @return the without detail
     */
    public static JdbcStoreException withoutDetail(String operation, SQLException e) {
        return new JdbcStoreException("JDBC " + operation + " failed [SQLState " + e.getSQLState() + ", vendor code "
                + e.getErrorCode() + "] (driver message withheld: it may echo secret values)", e.getSQLState(),
                isTransient(e), null);
    }

    /**
     * The SQL state reported by the driver, may be null.
     *
     * @return the SQL state reported by the driver, may be null
     */
    public String sqlState() {
        return sqlState;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }

    /** Whether the same statement may succeed later without any change: connection, serialization, resources. */
    static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08") // connection exception
                || state.startsWith("40") // transaction rollback: serialization failure, deadlock
                || state.startsWith("53") // PostgreSQL: insufficient resources
                || state.startsWith("57P") // PostgreSQL: admin shutdown, crash shutdown, cannot connect now
                || state.equals("HYT00") || state.equals("HYT01"); // timeouts (H2 lock timeout)
    }
}
