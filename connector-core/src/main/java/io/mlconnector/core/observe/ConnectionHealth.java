package io.mlconnector.core.observe;

import io.mlconnector.core.state.QueueStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The health of one connection ({@link EngineHealth#connections()}).
 *
 * @param connectionId             the connection
 * @param status                   {@link HealthStatus#DOWN} when it needs re-authorization or every polled stream is
 *                                 failing; {@link HealthStatus#DEGRADED} when a stream is failing or its oldest due
 *                                 ready work item waited longer than the engine's lag threshold
 * @param reasons                  why it is not healthy (no business data, no ids), empty when healthy
 * @param streams                  its polled streams, in polling order
 * @param reauthorizationRequired  whether the engine saw its grant refused for good and nothing of it succeeded since
 * @param reauthorizationSince     when that was first seen, or null
 * @param queue                    its work queue by status, with the oldest due ready item
 * @param oldestReadyAge           how long that item has waited (zero when none)
 */
public record ConnectionHealth(String connectionId, HealthStatus status, List<String> reasons,
                               List<StreamStatus> streams, boolean reauthorizationRequired,
                               Instant reauthorizationSince, QueueStats queue, Duration oldestReadyAge) {
    /**
     * Checks the required components and copies the lists.
     *
     * @param connectionId the connection
     * @param status {@link HealthStatus#DOWN} when it needs re-authorization or every polled stream is failing;
     *     {@link HealthStatus#DEGRADED} when a stream is failing or its oldest due ready work item waited longer
     *     than the engine's lag threshold
     * @param reasons why it is not healthy (no business data, no ids), empty when healthy
     * @param streams its polled streams, in polling order
     * @param reauthorizationRequired whether the engine saw its grant refused for good and nothing of it succeeded
     *     since
     * @param reauthorizationSince when that was first seen, or null
     * @param queue its work queue by status, with the oldest due ready item
     * @param oldestReadyAge how long that item has waited (zero when none)
     */
    public ConnectionHealth {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        streams = List.copyOf(streams);
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(oldestReadyAge, "oldestReadyAge");
    }

    /**
     * How many of its streams are failing.
     *
     * @return the number of streams whose consecutive failures reached the failure threshold
     */
    public long failingStreams() {
        return streams.stream().filter(StreamStatus::failing).count();
    }
}
