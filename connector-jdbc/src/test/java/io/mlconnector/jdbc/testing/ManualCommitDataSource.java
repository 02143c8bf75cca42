package io.mlconnector.jdbc.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Hands out connections with auto-commit off, as a host pool configured that way does, and rolls back whatever was
 * left uncommitted when a connection is closed — so only work the borrower committed survives.
 */
public final class ManualCommitDataSource extends PlainDataSource {
    private final DataSource delegate;

    public ManualCommitDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection target = delegate.getConnection();
        target.setAutoCommit(false);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (!target.isClosed()) {
                            target.rollback();
                            target.setAutoCommit(true);
                            target.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }








}
