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
 *
 * <p>Spread: each stream runs at a fixed rate of one poll per interval, in its own slot of the interval
 * ({@link PollPhase}: a stable offset from the node, connection and stream), so many connections do not all poll at
 * the start of each interval. A poll that starts a whole interval late (the previous one overran, or the scheduler
 * was saturated) is skipped rather than made up, so a slow stream never polls back to back.
 */
public final class PollSchedule {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PollSchedule.class);
    private final ConnectionRegistry connections;
    private final StreamPoller poller;
    private final String nodeId;
    private final java.time.Clock clock;
    private final Runnable beforePoll;
    private final Map<String, Scheduled> byConnection = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;

    public PollSchedule(ConnectionRegistry connections, StreamPoller poller, String nodeId, java.time.Clock clock,
                 Runnable beforePoll) {
        this.beforePoll = beforePoll;
        this.connections = connections;
        this.poller = poller;
        this.nodeId = nodeId;
        this.clock = clock;
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

    private Scheduled schedule(Connection c) {
        java.time.Duration interval = c.policy().pollInterval();
        long period = Math.max(1, interval.toMillis());
        String id = c.id();
        java.time.Instant now = clock.instant();
        List<ScheduledFuture<?>> futures = new ArrayList<>();
        for (SourceStream s : StreamPoller.polledStreams(c)) {
            long delay = PollPhase.delayMillis(PollPhase.offsetMillis(nodeId, id, s, interval), interval, now);
            java.util.concurrent.atomic.AtomicReference<ScheduledFuture<?>> self =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Runnable poll = () -> {
                SyncEngine.safely("worker pass", beforePoll);
                ScheduledFuture<?> f = self.get();
                // a fixed-rate task that fell a whole interval behind would run again at once to catch up: skip it
                if (f != null && -f.getDelay(TimeUnit.MILLISECONDS) >= period) {
                    LOG.debug("poll of {} {} skipped: {} ms late", id, s, -f.getDelay(TimeUnit.MILLISECONDS));
                    return;
                }
                SyncEngine.safely("poll " + id + " " + s,
                        () -> connections.byId(id).ifPresent(current -> poller.pollStream(current, s)));
            };
            ScheduledFuture<?> f = scheduler.scheduleAtFixedRate(poll, delay, period, TimeUnit.MILLISECONDS);
            self.set(f);
            futures.add(f);
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
