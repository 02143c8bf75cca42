package io.mlconnector.jdbc;

import io.mlconnector.jdbc.testing.H2Database;
import io.mlconnector.jdbc.testing.TestDatabase;

/** {@link JdbcSchema} on H2. */
@H2Database
class H2JdbcSchemaTest extends JdbcSchemaTestBase {
    H2JdbcSchemaTest(TestDatabase db) {
        super(db);
    }
}
