package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.StreamHealth;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.internal.flow.EngineServices;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the {@link StreamHealth} of every polled stream of this engine and reports the turns: a
 * {@code STREAM_FAILING} audit event once when a stream's consecutive failures reach the connection's
 * {@link SyncPolicy#streamFailureThreshold()}, a {@code STREAM_RECOVERED} one when it succeeds again. Thread-safe.
 */
public final class StreamHealthBook {
    private record Key(String connectionId, SourceStream stream) {
    }

    private final EngineServices services;
    private final Map<Key, StreamHealth> health = new ConcurrentHashMap<>();

    StreamHealthBook(EngineServices services) {
        this.services = services;
    }

    void succeeded(Connection c, SourceStream stream) {
        Instant now = services.clock().instant();
        StreamHealth[] before = new StreamHealth[1];
        health.compute(new Key(c.id(), stream), (k, old) -> {
            before[0] = old;
            return old == null ? new StreamHealth(c.id(), stream, now, null, null, 0, false)
                    : new StreamHealth(c.id(), stream, now, old.lastFailure(), old.lastError(), 0, false);
        });
        StreamHealth old = before[0];
        if (old != null && old.failing()) {
            services.auditor().record(c.id(), direction(stream), sourceRef(stream), null, AuditOutcome.STREAM_RECOVERED,
                    "poll of stream " + stream + " succeeded again after " + old.consecutiveFailures()
                            + " failed polls in a row", Map.of("stream", stream.name(),
                            "failures", String.valueOf(old.consecutiveFailures())));
        }
    }

    void failed(Connection c, SourceStream stream, String error) {
        Instant now = services.clock().instant();
        int threshold = c.policy().streamFailureThreshold();
        StreamHealth[] after = new StreamHealth[1];
        boolean[] crossed = new boolean[1];
        health.compute(new Key(c.id(), stream), (k, old) -> {
            int failures = (old == null ? 0 : old.consecutiveFailures()) + 1;
            boolean wasFailing = old != null && old.failing();
            boolean failing = wasFailing || failures >= threshold;
            crossed[0] = failing && !wasFailing;
            after[0] = new StreamHealth(c.id(), stream, old == null ? null : old.lastSuccess(), now, error, failures,
                    failing);
            return after[0];
        });
        if (crossed[0]) {
            StreamHealth h = after[0];
            Map<String, String> details = new LinkedHashMap<>();
            details.put("stream", stream.name());
            details.put("failures", String.valueOf(h.consecutiveFailures()));
            details.put("lastSuccess", String.valueOf(h.lastSuccess()));
            services.auditor().record(c.id(), direction(stream), sourceRef(stream), null, AuditOutcome.STREAM_FAILING,
                    "poll of stream " + stream + " failed " + h.consecutiveFailures() + " times in a row (last success: "
                            + (h.lastSuccess() == null ? "never" : h.lastSuccess()) + "); last error: " + error,
                    details);
        }
    }

    /** The health of each of {@code streams} of a connection (a stream not polled yet: nothing known, not failing). */
    List<StreamHealth> of(Connection c, Collection<SourceStream> streams) {
        return streams.stream().map(s -> health.getOrDefault(new Key(c.id(), s), StreamHealth.unknown(c.id(), s)))
                .toList();
    }

    /** The audit source ref of a stream's health events. */
    static String sourceRef(SourceStream stream) {
        return "stream:" + stream.name();
    }

    private static Direction direction(SourceStream stream) {
        return switch (stream) {
            case BILLS, INVOICES, BILL_PAYMENTS, INVOICE_PAYMENTS -> Direction.ACCOUNTING_TO_PROJECT;
            case CHANGE_ORDERS, PRIME_CHANGE_ORDERS, DIRECT_COSTS, BUDGET_CHANGES -> Direction.PROJECT_TO_ACCOUNTING;
            case VENDORS, PROJECTS -> Direction.REFERENCE_DATA;
        };
    }
}
