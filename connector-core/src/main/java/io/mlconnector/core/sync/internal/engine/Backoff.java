package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.sync.SyncPolicy;
import java.time.Duration;

/**
 * Exponential backoff for queued work: {@code base × 2^(attempts)} capped at {@code max}. Deterministic (no
 * jitter): items of different records are spread by their own first-failure times, and tests can step a clock.
 */
public final class Backoff {
    private Backoff() {
    }

    /** Delay before the next attempt, given the failed attempts so far (0 for the first failure). */
    static Duration delay(SyncPolicy policy, int attemptsSoFar, Duration atLeast) {
        Duration d = policy.backoffBase();
        for (int i = 0; i < attemptsSoFar && d.compareTo(policy.backoffMax()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        if (d.compareTo(policy.backoffMax()) > 0) {
            d = policy.backoffMax();
        }
        if (atLeast != null && atLeast.compareTo(d) > 0) {
            d = atLeast;
        }
        return d;
    }
}
