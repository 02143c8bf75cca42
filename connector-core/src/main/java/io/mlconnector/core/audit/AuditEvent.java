package io.mlconnector.core.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit log. Never carries secrets: only ids, outcomes and human-readable reasons. Every text field
 * passes through {@link SafeText} when the event is made (control characters escaped; ids and detail values cut to
 * {@value #MAX_ID} characters, the reason to {@value #MAX_REASON}, at most {@value #MAX_DETAILS} details), so no
 * sink can be handed a line-forging or unbounded value, whatever a caller passes in.
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
    /**
     * Checks the components.
     *
     * @param time when
     * @param connectionId the connection, may be null for events that could not be routed
     * @param direction which way
     * @param sourceRef the source record key (e.g. {@code freshbooks:bill:123}), may be null
     * @param targetRef the target object key, may be null
     * @param outcome what happened
     * @param reason why, in words
     * @param details extra structured values (amounts, mapping kinds)
     */
    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(outcome, "outcome");
        connectionId = SafeText.of(connectionId, MAX_ID);
        sourceRef = SafeText.of(sourceRef, MAX_ID);
        targetRef = SafeText.of(targetRef, MAX_ID);
        reason = SafeText.of(reason, MAX_REASON);
        details = safeDetails(details);
    }

    /** Longest id or detail value kept, in characters. */
    public static final int MAX_ID = 256;
    /** Longest reason kept, in characters. */
    public static final int MAX_REASON = 1024;
    /** Most details kept (the first ones in key order). */
    public static final int MAX_DETAILS = 32;

    private static Map<String, String> safeDetails(Map<String, String> details) {
        if (details == null || details.isEmpty()) {
            return Map.of();
        }
        java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
        details.forEach((k, v) -> {
            if (k != null && v != null) {
                sorted.put(SafeText.of(k, 64), SafeText.of(v, MAX_ID));
            }
        });
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (kept.size() == MAX_DETAILS) {
                kept.put("details_cut", Integer.toString(sorted.size() - MAX_DETAILS));
                break;
            }
            kept.put(e.getKey(), e.getValue());
        }
        return Map.copyOf(kept);
    }
}
