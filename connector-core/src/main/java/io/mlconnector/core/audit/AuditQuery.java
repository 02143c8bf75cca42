package io.mlconnector.core.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Filter for reading the audit log; null fields match everything.
 *
 * @param connectionId connection
 * @param sourceRef    source record key
 * @param outcomes     outcomes to include (empty = all)
 * @param since        inclusive lower bound on time
 * @param limit        maximum events returned (newest kept), 0 = no limit
 */
public record AuditQuery(String connectionId, String sourceRef, Set<AuditOutcome> outcomes, Instant since, int limit) {
    /**
     * Checks the components.
     *
     * @param connectionId connection
     * @param sourceRef source record key
     * @param outcomes outcomes to include (empty = all)
     * @param since inclusive lower bound on time
     * @param limit maximum events returned (newest kept), 0 = no limit
     */
    public AuditQuery {
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
    }

    /**
     * Everything of one connection.
     *
     * @param connectionId connection
     * @return this query
     */
    public static AuditQuery forConnection(String connectionId) {
        return new AuditQuery(connectionId, null, Set.of(), null, 0);
    }

    /**
     * Whether an event passes this filter (ignoring the limit).
     *
     * @param e the audit event
     * @return whether an event passes this filter (ignoring the limit)
     */
    public boolean matches(AuditEvent e) {
        return (connectionId == null || connectionId.equals(e.connectionId()))
                && (sourceRef == null || sourceRef.equals(e.sourceRef()))
                && (outcomes.isEmpty() || outcomes.contains(e.outcome()))
                && (since == null || !e.time().isBefore(since));
    }
}
