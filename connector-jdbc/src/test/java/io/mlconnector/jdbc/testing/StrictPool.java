package io.mlconnector.jdbc.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A minimal connection pool for tests, as a host's pool would hand connections to the stores: physical connections
 * are reused. It is strict: a connection given back with auto-commit off (an unfinished transaction, or a mode the
 * borrower failed to restore) is recorded as a violation and discarded, so tests can assert the stores always
 * hand connections back clean.
 */
public final class StrictPool extends PlainDataSource implements AutoCloseable {
    private final DataSource physical;
    private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicReference<String> violation = new AtomicReference<>();

    public StrictPool(DataSource physical) {
        this.physical = physical;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = idle.poll();
        if (c == null || c.isClosed()) {
            c = physical.getConnection();
            opened.incrementAndGet();
        }
        return lease(c);
    }

    /** The first dirty return seen, or null. */
    public String violation() {
        return violation.get();
    }

    /** Physical connections opened so far. */
    public int opened() {
        return opened.get();
    }

    private Connection lease(Connection target) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close" -> {
                        if (!closed) {
                            closed = true;
                            giveBack(target);
                        }
                        return null;
                    }
                    case "isClosed" -> {
                        return closed || target.isClosed();
                    }
                    case "unwrap" -> {
                        return target.unwrap((Class<?>) args[0]);
                    }
                    default -> {
                        if (closed) {
                            throw new SQLException("connection already given back to the pool");
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private void giveBack(Connection c) throws SQLException {
        if (c.isClosed()) {
            return;
        }
        if (!c.getAutoCommit()) {
            violation.compareAndSet(null, "a connection came back with auto-commit off");
            c.rollback();
            c.close();
            return;
        }
        idle.add(c);
    }

    @Override
    public void close() throws SQLException {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            c.close();
        }
    }
}
