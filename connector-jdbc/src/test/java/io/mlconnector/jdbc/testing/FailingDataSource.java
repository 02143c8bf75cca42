package io.mlconnector.jdbc.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/** A data source that can be told to fail every {@code getConnection()} with a given error, as a database outage. */
public final class FailingDataSource extends PlainDataSource {
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








}
