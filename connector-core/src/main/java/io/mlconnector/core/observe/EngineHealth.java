package io.mlconnector.core.observe;

import io.mlconnector.core.state.QueueStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code SyncEngine.health()} reports: an overall status with its reasons, each connection's streams, queue and
 * re-authorization state, and the queue of all connections together. Reasons are short sentences with counts and
 * durations, never business data or connection ids, so a host may show them on an unauthenticated health endpoint;
 * the per-connection parts do carry ids.
 *
 * @param status      {@link HealthStatus#DOWN} when the state store cannot be read or every connection is down;
 *                    {@link HealthStatus#DEGRADED} when some connection is not healthy; else healthy
 * @param reasons     why it is not healthy, empty when healthy
 * @param checkedAt   when the report was made, by the engine's clock
 * @param connections every connection, in the engine's order
 * @param queue       the work queue of every connection together (empty when the state store cannot be read)
 */
public record EngineHealth(HealthStatus status, List<String> reasons, Instant checkedAt,
                           List<ConnectionHealth> connections, QueueStats queue) {
    /**
     * Checks the required components and copies the lists.
     *
     * @param status {@link HealthStatus#DOWN} when the state store cannot be read or every connection is down;
     *     {@link HealthStatus#DEGRADED} when some connection is not healthy; else healthy
     * @param reasons why it is not healthy, empty when healthy
     * @param checkedAt when the report was made, by the engine's clock
     * @param connections every connection, in the engine's order
     * @param queue the work queue of every connection together (empty when the state store cannot be read)
     */
    public EngineHealth {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(checkedAt, "checkedAt");
        connections = List.copyOf(connections);
        Objects.requireNonNull(queue, "queue");
    }

    /**
     * The report of one connection, if the engine serves it.
     *
     * @param connectionId the connection's id
     * @return its report, or empty when the engine does not serve that connection
     */
    public Optional<ConnectionHealth> connection(String connectionId) {
        return connections.stream().filter(c -> c.connectionId().equals(connectionId)).findFirst();
    }

    /**
     * How long the oldest due ready item of any connection has waited.
     *
     * @return its wait up to {@link #checkedAt()}, or zero when no item is ready
     */
    public Duration oldestReadyAge() {
        return queue.oldestReadyAge(checkedAt);
    }

    /**
     * How many streams of all connections are failing.
     *
     * @return the number of failing streams, over every connection
     */
    public long failingStreams() {
        return connections.stream().mapToLong(ConnectionHealth::failingStreams).sum();
    }

    /**
     * How many connections need re-authorization.
     *
     * @return the number of connections whose grant was refused for good
     */
    public long connectionsNeedingReauthorization() {
        return connections.stream().filter(ConnectionHealth::reauthorizationRequired).count();
    }
}
