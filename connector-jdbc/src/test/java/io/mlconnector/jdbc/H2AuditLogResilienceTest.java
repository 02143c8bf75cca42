package io.mlconnector.jdbc;

import io.mlconnector.jdbc.testing.H2Database;
import io.mlconnector.jdbc.testing.TestDatabase;

/** {@link JdbcAuditLog} outages and awkward content on H2. */
@H2Database
class H2AuditLogResilienceTest extends JdbcAuditLogResilienceTestBase {
    H2AuditLogResilienceTest(TestDatabase db) {
        super(db);
    }
}
