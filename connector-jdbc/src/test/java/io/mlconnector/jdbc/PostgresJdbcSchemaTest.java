package io.mlconnector.jdbc;

import io.mlconnector.jdbc.testing.PostgresDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;

/** {@link JdbcSchema} on PostgreSQL. */
@PostgresDatabase
class PostgresJdbcSchemaTest extends JdbcSchemaTestBase {
    PostgresJdbcSchemaTest(TestDatabase db) {
        super(db);
    }
}
