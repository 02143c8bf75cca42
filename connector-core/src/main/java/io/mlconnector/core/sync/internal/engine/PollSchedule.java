package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.ConnectionProvider;
import io.mlconnector.core.sync.SyncEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The polls an engine has scheduled, one task per enabled stream of each connection at its poll interval, kept in
 * step with the {@link ConnectionProvider}: {@link #refresh()} schedules connections added since, cancels those
 * removed, and reschedules those replaced (their streams or interval may have changed). Each poll looks its
 * connection up again when it runs, so a removed connection is never polled even before the refresh.
 */
public final class PollSchedule {
    private final ConnectionRegistry connections;
    private final StreamPoller poller;
    private final Map<String, Scheduled> byConnection = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;

    public PollSchedule(ConnectionRegistry connections, StreamPoller poller) {
        this.connections = connections;
        this.poller = poller;
    }

    /** Starts polling every connection served now. */
    public synchronized void start(ScheduledExecutorService value) {
        this.scheduler = value;
        refresh();
    }

    /** Brings the schedule in line with the connections served now; does nothing before {@link #start}. */
    public synchronized void refresh() {
        if (scheduler == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Connection c : connections.all()) {
            seen.add(c.id());
            Scheduled current = byConnection.get(c.id());
            if (current != null && current.connection().equals(c)) {
                continue;
            }
            if (current != null) {
                current.cancel();
            }
            byConnection.put(c.id(), schedule(c));
        }
        for (var it = byConnection.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!seen.contains(e.getKey())) {
                e.getValue().cancel();
                it.remove();
                poller.releaseLeases(e.getKey());
            }
        }
    }

    /** Cancels every poll; {@link #start} may be called again. */
    public synchronized void stop() {
        byConnection.values().forEach(Scheduled::cancel);
        byConnection.clear();
        scheduler = null;
    }

    /** The connections whose polls are scheduled now. */
    synchronized Set<String> scheduledConnections() {
        return Set.copyOf(byConnection.keySet());
    }

    private Scheduled schedule(Connection c) {
        long interval = c.policy().pollInterval().toMillis();
        String id = c.id();
        List<ScheduledFuture<?>> futures = new ArrayList<>();
        for (SourceStream s : StreamPoller.polledStreams(c)) {
            futures.add(scheduler.scheduleWithFixedDelay(() -> SyncEngine.safely("poll " + id + " " + s,
                    () -> connections.byId(id).ifPresent(now -> poller.pollStream(now, s))), 0, interval,
                    TimeUnit.MILLISECONDS));
        }
        return new Scheduled(c, futures);
    }

    /** One connection's scheduled polls, and the connection they were scheduled for. */
    private record Scheduled(Connection connection, List<ScheduledFuture<?>> futures) {
        void cancel() {
            futures.forEach(f -> f.cancel(false));
        }
    }
}
