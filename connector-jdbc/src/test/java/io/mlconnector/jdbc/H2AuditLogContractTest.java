package io.mlconnector.jdbc;

import io.mlconnector.core.audit.AuditLog;
import io.mlconnector.testkit.contract.AuditLogContract;
import io.mlconnector.jdbc.testing.H2Database;
import io.mlconnector.jdbc.testing.TestDatabase;

/** {@link JdbcAuditLog} passes the audit log contract on H2. */
@H2Database
class H2AuditLogContractTest extends AuditLogContract {
    private final TestDatabase db;

    H2AuditLogContractTest(TestDatabase db) {
        this.db = db;
    }

    @Override
    protected AuditLog newLog() {
        return JdbcAuditLog.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build();
    }
}
