package io.mlconnector.jdbc;

import io.mlconnector.jdbc.testing.PostgresDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;

/** {@link JdbcAuditLog} outages and awkward content on PostgreSQL. */
@PostgresDatabase
class PostgresAuditLogResilienceTest extends JdbcAuditLogResilienceTestBase {
    PostgresAuditLogResilienceTest(TestDatabase db) {
        super(db);
    }
}
