package io.mlconnector.testkit.clients.contracts;

import io.mlconnector.core.audit.AuditLog;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.contract.AuditLogContract;

/** Core's audit-log contract (which includes the audit-sink contract) from connector-testkit. */
class AuditLogContractFromTestkitTest extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
        return new InMemoryAuditLog();
    }
}
