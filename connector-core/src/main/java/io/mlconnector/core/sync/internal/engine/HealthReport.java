package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.observe.ConnectionHealth;
import io.mlconnector.core.observe.EngineHealth;
import io.mlconnector.core.observe.HealthStatus;
import io.mlconnector.core.observe.StreamStatus;
import io.mlconnector.core.state.QueueStats;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.StreamHealth;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.internal.flow.EngineObserver;
import io.mlconnector.core.sync.internal.flow.EngineServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link SyncEngine#health()} from memory (stream health, re-authorization) and one queue query per
 * connection ({@link io.mlconnector.core.state.SyncStateStore#queueStats}); never calls a remote API. Reasons name
 * counts and durations only, no ids and no business data.
 */
public final class HealthReport {
    private static final Logger LOG = LoggerFactory.getLogger(HealthReport.class);

    private HealthReport() {
    }

    public static EngineHealth of(EngineServices services, Collection<Connection> connections,
                           Function<Connection, List<StreamHealth>> streams,
                           Function<String, Optional<String>> monthEnd, Duration lagThreshold) {
        Instant now = services.clock().instant();
        List<ConnectionHealth> out = new ArrayList<>();
        QueueStats total = QueueStats.EMPTY;
        String storeFailure = null;
        for (Connection c : connections) {
            QueueStats queue = QueueStats.EMPTY;
            if (storeFailure == null) {
                try {
                    queue = services.state().queueStats(c.id(), now);
                } catch (RuntimeException e) {
                    LOG.warn("health: the state store could not be read: {}", e.toString());
                    storeFailure = e.getClass().getSimpleName();
                }
            }
            total = total.plus(queue);
            out.add(connection(services, c, streams.apply(c), monthEnd.apply(c.id()), queue, now, lagThreshold));
        }
        List<String> reasons = new ArrayList<>();
        if (storeFailure != null) {
            reasons.add("the state store cannot be read (" + storeFailure + ")");
        }
        long reauth = out.stream().filter(ConnectionHealth::reauthorizationRequired).count();
        if (reauth > 0) {
            reasons.add(reauth + " of " + out.size() + " connection(s) need re-authorization");
        }
        long failing = out.stream().mapToLong(ConnectionHealth::failingStreams).sum();
        if (failing > 0) {
            reasons.add(failing + " polled stream(s) failing");
        }
        long reconciliations = connections.stream().filter(c -> monthEnd.apply(c.id()).isPresent()).count();
        if (reconciliations > 0) {
            reasons.add(reconciliations + " connection(s) failing their month-end reconciliation");
        }
        Duration age = total.oldestReadyAge(now);
        if (age.compareTo(lagThreshold) > 0) {
            reasons.add("the oldest ready work item has waited " + age + " (threshold " + lagThreshold + ")");
        }
        boolean allDown = !out.isEmpty() && out.stream().allMatch(h -> h.status() == HealthStatus.DOWN);
        HealthStatus status = storeFailure != null || allDown ? HealthStatus.DOWN
                : out.stream().anyMatch(h -> h.status() != HealthStatus.HEALTHY) ? HealthStatus.DEGRADED
                : HealthStatus.HEALTHY;
        return new EngineHealth(status, reasons, now, out, total);
    }

    private static ConnectionHealth connection(EngineServices services, Connection c, List<StreamHealth> streams,
                                               Optional<String> monthEnd, QueueStats queue, Instant now,
                                               Duration lagThreshold) {
        List<StreamStatus> statuses = streams.stream().map(h -> new StreamStatus(h.stream(), h.lastSuccess(),
                h.lastFailure(), h.lastError(), h.consecutiveFailures(), h.failing(),
                h.lastSuccess() == null ? null : nonNegative(Duration.between(h.lastSuccess(), now)))).toList();
        EngineObserver.Refusal refusal = services.observer().refusal(c.id()).orElse(null);
        long failing = statuses.stream().filter(StreamStatus::failing).count();
        Duration age = queue.oldestReadyAge(now);
        List<String> reasons = new ArrayList<>();
        if (refusal != null) {
            reasons.add("re-authorization required since " + refusal.since());
        }
        if (failing > 0) {
            reasons.add(failing + " of " + statuses.size() + " polled stream(s) failing");
        }
        if (age.compareTo(lagThreshold) > 0) {
            reasons.add("the oldest ready work item has waited " + age + " (threshold " + lagThreshold + ")");
        }
        monthEnd.ifPresent(reasons::add);
        HealthStatus status = refusal != null || (!statuses.isEmpty() && failing == statuses.size())
                ? HealthStatus.DOWN : reasons.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.DEGRADED;
        return new ConnectionHealth(c.id(), status, reasons, statuses, refusal != null,
                refusal == null ? null : refusal.since(), queue, age);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
