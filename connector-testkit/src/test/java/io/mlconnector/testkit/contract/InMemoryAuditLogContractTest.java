package io.mlconnector.testkit.contract;

import io.mlconnector.core.audit.AuditLog;
import io.mlconnector.core.audit.InMemoryAuditLog;

/** {@link InMemoryAuditLog} passes the audit log contract. */
class InMemoryAuditLogContractTest extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
        return new InMemoryAuditLog();
    }
}
