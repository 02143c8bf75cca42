package io.mlconnector.jdbc;

import io.mlconnector.jdbc.testing.H2Database;
import io.mlconnector.jdbc.testing.TestDatabase;

/** Edge cases of the JDBC stores on H2. */
@H2Database
class H2StoreEdgeCasesTest extends JdbcStoreEdgeCasesTestBase {
    H2StoreEdgeCasesTest(TestDatabase db) {
        super(db);
    }
}
