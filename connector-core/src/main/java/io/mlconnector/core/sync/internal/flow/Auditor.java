package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.audit.Direction;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes audit events with the engine's clock; a failing sink is logged, never allowed to break a flow. */
public final class Auditor {
    private static final Logger LOG = LoggerFactory.getLogger(Auditor.class);
    private final AuditSink sink;
    private final Clock clock;

    public Auditor(AuditSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    public void record(String connectionId, Direction direction, String sourceRef, String targetRef, AuditOutcome outcome,
                String reason, Map<String, String> details) {
        AuditEvent event = new AuditEvent(clock.instant(), connectionId, direction, sourceRef, targetRef, outcome,
                reason, details);
        try {
            sink.record(event);
        } catch (RuntimeException e) {
            LOG.warn("audit sink failed for {} {} {}: {}", connectionId, sourceRef, outcome, e.toString());
        }
    }
}
