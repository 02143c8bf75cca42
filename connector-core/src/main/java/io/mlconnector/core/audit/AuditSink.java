package io.mlconnector.core.audit;

/** SPI: where audit events go (a log, a table, a queue). Implementations must not throw on write failures they can survive. */
@FunctionalInterface
public interface AuditSink {

    /**
     * Records one event; must not throw for any event the engine makes, and may be called from many threads.
     *
     * @param event what happened
     */
    void record(AuditEvent event);
}
