package io.mlconnector.core.operator;

import java.util.List;

/**
 * What a replay requeued.
 *
 * @param keys     the records replayed (source keys)
 * @param requeued how many work items went back to the queue
 */
public record ReplayResult(List<String> keys, int requeued) {
    /**
     * Copies the components.
     *
     * @param keys the records replayed
     * @param requeued how many work items were requeued
     */
    public ReplayResult {
        keys = List.copyOf(keys);
        if (requeued < 0) {
            throw new IllegalArgumentException("requeued must not be negative");
        }
    }
}
