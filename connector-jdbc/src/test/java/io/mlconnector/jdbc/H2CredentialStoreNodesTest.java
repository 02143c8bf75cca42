package io.mlconnector.jdbc;

import io.mlconnector.jdbc.testing.H2Database;
import io.mlconnector.jdbc.testing.TestDatabase;

/** Two {@link JdbcCredentialStore} nodes on H2. */
@H2Database
class H2CredentialStoreNodesTest extends JdbcCredentialStoreNodesTestBase {
    H2CredentialStoreNodesTest(TestDatabase db) {
        super(db);
    }
}
