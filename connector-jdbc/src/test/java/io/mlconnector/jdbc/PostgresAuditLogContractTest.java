package io.mlconnector.jdbc;

import io.mlconnector.core.audit.AuditLog;
import io.mlconnector.testkit.contract.AuditLogContract;
import io.mlconnector.jdbc.testing.PostgresDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;

/** {@link JdbcAuditLog} passes the audit log contract on PostgreSQL. */
@PostgresDatabase
class PostgresAuditLogContractTest extends AuditLogContract {
    private final TestDatabase db;

    PostgresAuditLogContractTest(TestDatabase db) {
        this.db = db;
    }

    @Override
    protected AuditLog newLog() {
        return JdbcAuditLog.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build();
    }
}
