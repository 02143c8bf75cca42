package io.mlconnector.core.audit;

import io.mlconnector.core.contract.AuditLogContract;

/** {@link InMemoryAuditLog} passes the audit log contract. */
class InMemoryAuditLogContractTest extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
        return new InMemoryAuditLog();
    }
}
