package io.mlconnector.jdbc;

import io.mlconnector.testkit.contract.SyncStateStoreContract;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.jdbc.testing.PostgresDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;

/** {@link JdbcSyncStateStore} passes the sync state store contract on PostgreSQL. */
@PostgresDatabase
class PostgresSyncStateStoreContractTest extends SyncStateStoreContract {
    private final TestDatabase db;

    PostgresSyncStateStoreContractTest(TestDatabase db) {
        this.db = db;
    }

    @Override
    protected SyncStateStore newStore() {
        return JdbcSyncStateStore.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build();
    }
}
