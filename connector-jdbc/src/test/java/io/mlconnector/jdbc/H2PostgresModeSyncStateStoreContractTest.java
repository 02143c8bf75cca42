package io.mlconnector.jdbc;

import io.mlconnector.testkit.contract.SyncStateStoreContract;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.jdbc.testing.H2PostgresModeDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** {@link JdbcSyncStateStore} passes the sync state store contract on H2 in {@code MODE=PostgreSQL}. */
class H2PostgresModeSyncStateStoreContractTest extends SyncStateStoreContract {
    private H2PostgresModeDatabase db;

    @Override
    protected SyncStateStore newStore() throws SQLException {
        db = new H2PostgresModeDatabase();
        return JdbcSyncStateStore.builder().dataSource(db.dataSource()).tablePrefix(TestDatabase.PREFIX).build();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }
}
