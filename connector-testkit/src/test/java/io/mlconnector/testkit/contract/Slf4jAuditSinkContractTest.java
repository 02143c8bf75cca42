package io.mlconnector.testkit.contract;

import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.audit.Slf4jAuditSink;

/** {@link Slf4jAuditSink} passes the audit sink contract. */
class Slf4jAuditSinkContractTest extends AuditSinkContract {
    @Override
    protected AuditSink newSink() {
        return new Slf4jAuditSink();
    }
}
