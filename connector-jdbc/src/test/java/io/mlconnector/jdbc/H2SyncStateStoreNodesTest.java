package io.mlconnector.jdbc;

import io.mlconnector.jdbc.testing.H2Database;
import io.mlconnector.jdbc.testing.TestDatabase;

/** Several {@link JdbcSyncStateStore} nodes on H2 (optimistic claims checked by row count). */
@H2Database
class H2SyncStateStoreNodesTest extends JdbcSyncStateStoreNodesTestBase {
    H2SyncStateStoreNodesTest(TestDatabase db) {
        super(db);
    }
}
