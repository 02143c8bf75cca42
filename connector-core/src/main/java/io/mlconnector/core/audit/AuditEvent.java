package io.mlconnector.core.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit log. Never carries secrets: only ids, outcomes and human-readable reasons.
 *
 * @param time         when
 * @param connectionId the connection, may be null for events that could not be routed
 * @param direction    which way
 * @param sourceRef    the source record key (e.g. {@code freshbooks:bill:123}), may be null
 * @param targetRef    the target object key, may be null
 * @param outcome      what happened
 * @param reason       why, in words
 * @param details      extra structured values (amounts, mapping kinds)
 */
public record AuditEvent(Instant time, String connectionId, Direction direction, String sourceRef, String targetRef,
                         AuditOutcome outcome, String reason, Map<String, String> details) {
    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
