package io.mlconnector.jdbc;

import io.mlconnector.jdbc.testing.PostgresDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;

/** Two {@link JdbcCredentialStore} nodes on PostgreSQL. */
@PostgresDatabase
class PostgresCredentialStoreNodesTest extends JdbcCredentialStoreNodesTestBase {
    PostgresCredentialStoreNodesTest(TestDatabase db) {
        super(db);
    }
}
