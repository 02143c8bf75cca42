package io.mlconnector.jdbc.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source that can be told to fail every {@code getConnection()} with a given error, as a database outage. */
public final class FailingDataSource implements DataSource {
    private final DataSource delegate;
    private final AtomicReference<SQLException> failure = new AtomicReference<>();

    public FailingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** From now on every connection attempt throws a copy of {@code error} (null: work normally again). */
    public void failWith(SQLException error) {
        failure.set(error);
    }

    @Override
    public Connection getConnection() throws SQLException {
        SQLException e = failure.get();
        if (e != null) {
            throw new SQLException(e.getMessage(), e.getSQLState(), e.getErrorCode());
        }
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer
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
