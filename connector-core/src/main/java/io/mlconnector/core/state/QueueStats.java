package io.mlconnector.core.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The shape of one connection's work queue at an instant, as {@link SyncStateStore#queueStats(String, Instant)} reads
 * it: how many items are in each status and since when the longest-waiting claimable item has waited for a worker.
 * Counts only, never payloads.
 *
 * @param counts         items per status; every {@link WorkStatus} is present (zero when none)
 * @param oldestReadyAt  the earliest {@code availableAt} of the {@link WorkStatus#READY} items that are due (available
 *                       at or before the instant asked about), or null when no ready item is due; an item waiting for
 *                       its backoff is not counted until it is due
 */
public record QueueStats(Map<WorkStatus, Long> counts, Instant oldestReadyAt) {
    /** An empty queue. */
    public static final QueueStats EMPTY = new QueueStats(Map.of(), null);

    /**
     * Checks the counts and fills in a zero for every status missing from them.
     *
     * @param counts items per status; a missing status counts zero
     * @param oldestReadyAt the earliest {@code availableAt} of the due ready items, or null when none is due
     * @throws NullPointerException if {@code counts} is null
     * @throws IllegalArgumentException if a count is negative
     */
    public QueueStats {
        Objects.requireNonNull(counts, "counts");
        EnumMap<WorkStatus, Long> all = new EnumMap<>(WorkStatus.class);
        for (WorkStatus s : WorkStatus.values()) {
            Long n = counts.get(s);
            if (n != null && n < 0) {
                throw new IllegalArgumentException("negative count for " + s);
            }
            all.put(s, n == null ? 0L : n);
        }
        counts = Collections.unmodifiableMap(all);
    }

    /**
     * Items in a status.
     *
     * @param status the status
     * @return how many items are in it (zero when none)
     */
    public long count(WorkStatus status) {
        return counts.get(Objects.requireNonNull(status, "status"));
    }

    /**
     * How long the oldest due ready item has waited at {@code now} (zero when none waits).
     *
     * @param now the instant to measure up to
     * @return the time since {@link #oldestReadyAt()}, or zero when there is none or it is not before {@code now}
     */
    public Duration oldestReadyAge(Instant now) {
        if (oldestReadyAt == null || !now.isAfter(oldestReadyAt)) {
            return Duration.ZERO;
        }
        return Duration.between(oldestReadyAt, now);
    }

    /**
     * The sum of two connections' figures (counts added, the older of the two oldest ready items).
     *
     * @param other the other connection's figures
     * @return a new instance holding both
     */
    public QueueStats plus(QueueStats other) {
        EnumMap<WorkStatus, Long> sum = new EnumMap<>(WorkStatus.class);
        for (WorkStatus s : WorkStatus.values()) {
            sum.put(s, count(s) + other.count(s));
        }
        Instant oldest = oldestReadyAt == null ? other.oldestReadyAt
                : other.oldestReadyAt == null || oldestReadyAt.isBefore(other.oldestReadyAt) ? oldestReadyAt
                : other.oldestReadyAt;
        return new QueueStats(sum, oldest);
    }
}
