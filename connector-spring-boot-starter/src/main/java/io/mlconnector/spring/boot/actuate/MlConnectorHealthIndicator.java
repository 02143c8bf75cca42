package io.mlconnector.spring.boot.actuate;

import io.mlconnector.core.observe.ConnectionHealth;
import io.mlconnector.core.observe.EngineHealth;
import io.mlconnector.core.observe.HealthStatus;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.SyncEngine;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The engine's {@link SyncEngine#health()} as a health contributor (named {@code mlConnector}): {@code HEALTHY} is
 * {@link Status#UP}, {@code DOWN} is {@link Status#DOWN}, and {@code DEGRADED} (a stream failing, a connection
 * needing re-authorization while others work, workers behind) is the status {@link #DEGRADED}. The starter orders
 * it between {@code OUT_OF_SERVICE} and {@code UP} ({@code management.endpoint.health.status.order}, unless the app
 * sets its own), so a degraded connector shows in the overall status (never hiding a {@code DOWN} one), and is
 * answered 200 by default (the instance still takes webhooks; set
 * {@code management.endpoint.health.status.http-mapping.degraded} to change that). Details: the reasons (no ids, no
 * business data), failing streams, connections needing re-authorization, the queue per status, the wait of the
 * oldest ready item, and each connection's status.
 */
public final class MlConnectorHealthIndicator extends AbstractHealthIndicator {
    /** The status of a degraded connector: it works, but a person or the workers must catch up. */
    public static final Status DEGRADED = new Status("DEGRADED",
            "the connector works, but a stream is failing, a connection needs re-authorization or workers are behind");

    private final SyncEngine engine;

    /**
     * An indicator reading {@code engine}'s health.
     *
     * @param engine the engine
     */
    public MlConnectorHealthIndicator(SyncEngine engine) {
        super("ml-connector health check failed");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        EngineHealth h = engine.health();
        builder.status(status(h.status()));
        if (!h.reasons().isEmpty()) {
            builder.withDetail("reasons", h.reasons());
        }
        Map<String, Long> queue = new LinkedHashMap<>();
        for (WorkStatus s : WorkStatus.values()) {
            queue.put(s.name().toLowerCase(Locale.ROOT), h.queue().count(s));
        }
        Map<String, String> connections = new LinkedHashMap<>();
        for (ConnectionHealth c : h.connections()) {
            connections.put(c.connectionId(), status(c.status()).getCode());
        }
        builder.withDetail("failingStreams", h.failingStreams())
                .withDetail("connectionsNeedingReauthorization", h.connectionsNeedingReauthorization())
                .withDetail("queue", queue).withDetail("oldestReadyAge", h.oldestReadyAge().toString())
                .withDetail("connections", connections).withDetail("checkedAt", h.checkedAt().toString());
    }

    /**
     * The actuator status of an engine status.
     *
     * @param status the engine's status
     * @return {@link Status#UP}, {@link #DEGRADED} or {@link Status#DOWN}
     */
    public static Status status(HealthStatus status) {
        return switch (status) {
            case HEALTHY -> Status.UP;
            case DEGRADED -> DEGRADED;
            case DOWN -> Status.DOWN;
        };
    }
}
