package io.mlconnector.testkit.contract;

import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.audit.CompositeAuditSink;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.audit.Slf4jAuditSink;

/** {@link CompositeAuditSink} over an in-memory log and the SLF4J sink passes the audit sink contract. */
class CompositeAuditSinkContractTest extends AuditSinkContract {
    @Override
    protected AuditSink newSink() {
        return CompositeAuditSink.of(new InMemoryAuditLog(), new Slf4jAuditSink());
    }
}
