package io.mlconnector.procore.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a Procore sync (batch upsert) call: HTTP 200 even when items fail, so the written
 * {@code entities} and the refused {@code errors} are reported side by side. Results of several batches merge.
 *
 * @param entities objects created or updated, in Procore's show shape
 * @param failures refused items with their messages
 */
public record SyncResult<T>(List<T> entities, List<SyncFailure> failures) {
    /**
     * Checks the components.
     *
     * @param entities objects created or updated, in Procore's show shape
     * @param failures refused items with their messages
     */
    public SyncResult {
        entities = List.copyOf(entities);
        failures = List.copyOf(failures);
    }

    /**
     * An empty result.
     *
     * @param <T> the result type
     * @return the {@code SyncResult}
     */
    public static <T> SyncResult<T> empty() {
        return new SyncResult<>(List.of(), List.of());
    }

    /**
     * Whether any item was refused.
     *
     * @return whether any item was refused
     */
    public boolean hasFailures() {
        return !failures.isEmpty();
    }

    /**
     * This result followed by {@code other}.
     *
     * @param other this result followed by {@code other}
     * @return this result followed by {@code other}
     */
    public SyncResult<T> merge(SyncResult<T> other) {
        List<T> e = new ArrayList<>(entities);
        e.addAll(other.entities);
        List<SyncFailure> f = new ArrayList<>(failures);
        f.addAll(other.failures);
        return new SyncResult<>(e, f);
    }
}
