package io.mlconnector.jdbc;

import io.mlconnector.jdbc.testing.PostgresDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;

/** Edge cases of the JDBC stores on PostgreSQL. */
@PostgresDatabase
class PostgresStoreEdgeCasesTest extends JdbcStoreEdgeCasesTestBase {
    PostgresStoreEdgeCasesTest(TestDatabase db) {
        super(db);
    }
}
