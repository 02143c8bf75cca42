package io.mlconnector.jdbc.e2e;

import io.mlconnector.jdbc.testing.PlainDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * One node's way into the shared database. {@link #kill()} models the node's process dying: from then on the node
 * gets no connection, so it can change nothing in the shared state (a transaction already running finishes, as one
 * the server had already received would).
 */
final class KillSwitchDataSource extends PlainDataSource {
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
}
