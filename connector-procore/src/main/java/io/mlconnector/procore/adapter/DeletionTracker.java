package io.mlconnector.procore.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds deletions a list cannot report. Procore's direct cost lists have no {@code include_deleted} filter
 * (operations {@code RestV10ProjectsProjectIdDirectCostsGet} / {@code RestV11…}), so a deleted direct cost simply
 * stops being listed: every so often the project's full id list is read ({@link #sweepDue}, {@link #sweep}) and an id
 * listed by the previous sweep but not by this one is a deletion. Each deletion is then reported by
 * {@link #deleted} on every poll for {@code retention} (the engine dedupes), so a poll that fails after listing
 * does not lose it. The first sweep of a process only sets the baseline: deletions made while no sweep ran are
 * left to the webhook ({@code Direct Costs} delete events, re-driven from undelivered deliveries). Thread-safe.
 */
final class DeletionTracker {
    private final Clock clock;
    private final Duration sweepInterval;
    private final Duration retention;
    private final Map<Long, Set<Long>> lastSweep = new HashMap<>();
    private final Map<Long, Instant> lastSweepAt = new HashMap<>();
    private final Map<Long, Map<Long, Instant>> tombstones = new HashMap<>();

    DeletionTracker(Clock clock, Duration sweepInterval, Duration retention) {
        this.clock = clock;
        this.sweepInterval = sweepInterval;
        this.retention = retention;
    }

    /** Whether the scope's ids should be read again. */
    synchronized boolean sweepDue(long scope) {
        Instant last = lastSweepAt.get(scope);
        return last == null || Duration.between(last, clock.instant()).compareTo(sweepInterval) >= 0;
    }

    /** Records the ids listed now; ids of the previous sweep that are gone become deletions. */
    synchronized void sweep(long scope, Set<Long> listed) {
        Instant now = clock.instant();
        Set<Long> previous = lastSweep.get(scope);
        Map<Long, Instant> gone = tombstones.computeIfAbsent(scope, k -> new LinkedHashMap<>());
        if (previous != null) {
            for (Long id : previous) {
                if (!listed.contains(id)) {
                    gone.putIfAbsent(id, now);
                }
            }
        }
        gone.keySet().removeIf(listed::contains);
        lastSweep.put(scope, Set.copyOf(listed));
        lastSweepAt.put(scope, now);
    }

    /** The deletions still worth reporting (found within the retention). */
    synchronized List<Long> deleted(long scope) {
        Map<Long, Instant> gone = tombstones.get(scope);
        if (gone == null) {
            return List.of();
        }
        Instant oldest = clock.instant().minus(retention);
        gone.values().removeIf(at -> at.isBefore(oldest));
        return List.copyOf(gone.keySet());
    }
}
