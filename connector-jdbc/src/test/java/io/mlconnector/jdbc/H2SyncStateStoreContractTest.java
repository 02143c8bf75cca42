package io.mlconnector.jdbc;

import io.mlconnector.testkit.contract.SyncStateStoreContract;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.jdbc.testing.H2Database;
import io.mlconnector.jdbc.testing.TestDatabase;

/** {@link JdbcSyncStateStore} passes the sync state store contract on H2. */
@H2Database
class H2SyncStateStoreContractTest extends SyncStateStoreContract {
    private final TestDatabase db;

    H2SyncStateStoreContractTest(TestDatabase db) {
        this.db = db;
    }

    @Override
    protected SyncStateStore newStore() {
        return JdbcSyncStateStore.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build();
    }
}
