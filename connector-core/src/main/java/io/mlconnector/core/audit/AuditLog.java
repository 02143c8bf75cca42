package io.mlconnector.core.audit;

import java.util.List;

/** An {@link AuditSink} that can also be read back (in-memory, JDBC). */
public interface AuditLog extends AuditSink {

    /**
     * Matching events, oldest first.
     *
     * @param query the filters and paging to apply
     * @return the audit events
     */
    List<AuditEvent> find(AuditQuery query);
}
