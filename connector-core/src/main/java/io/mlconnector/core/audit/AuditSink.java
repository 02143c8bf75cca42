package io.mlconnector.core.audit;

/** SPI: where audit events go (a log, a table, a queue). Implementations must not throw on write failures they can survive. */
@FunctionalInterface
public interface AuditSink {

    void record(AuditEvent event);
}
