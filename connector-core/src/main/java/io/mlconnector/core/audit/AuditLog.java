package io.mlconnector.core.audit;

import java.util.List;

/** An {@link AuditSink} that can also be read back (in-memory, JDBC). */
public interface AuditLog extends AuditSink {

    /** Matching events, oldest first. */
    List<AuditEvent> find(AuditQuery query);
}
