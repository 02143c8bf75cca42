package io.mlconnector.jdbc.e2e;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One node's way into the shared database. {@link #kill()} models the node's process dying: from then on the node
 * gets no connection, so it can change nothing in the shared state (a transaction already running finishes, as one
 * the server had already received would).
 */
final class KillSwitchDataSource implements DataSource {
    private final DataSource shared;
    private volatile boolean dead;

    KillSwitchDataSource(DataSource shared) {
        this.shared = shared;
    }

    void kill() {
        dead = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (dead) {
            throw new SQLTransientConnectionException("this node is dead");
        }
        return shared.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("one user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // none
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
