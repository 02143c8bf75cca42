package io.mlconnector.core.observe;

/** Overall state in {@link EngineHealth} and {@link ConnectionHealth}. */
public enum HealthStatus {
    /** Everything works. */
    HEALTHY,
    /** Working, but something needs attention (a stream's polls keep failing, workers are behind). */
    DEGRADED,
    /** Not syncing at all (state store unreachable, or every connection needs re-authorization or cannot poll). */
    DOWN
}
