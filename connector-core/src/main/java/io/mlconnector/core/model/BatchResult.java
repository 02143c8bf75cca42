package io.mlconnector.core.model;

import java.util.List;

/**
 * Outcome of a batch upsert where items succeed or fail one by one.
 *
 * @param succeeded items written
 * @param failed    items refused, each with the system's reason
 */
public record BatchResult<T>(List<T> succeeded, List<Failure<T>> failed) {
    /**
     * Checks the components.
     *
     * @param succeeded items written
     * @param failed items refused, each with the system's reason
     */
    public BatchResult {
        succeeded = List.copyOf(succeeded);
        failed = List.copyOf(failed);
    }

    /**
     * One refused item.
     *
     * @param item   the submitted item
     * @param reason the system's message
     */
    public record Failure<T>(T item, String reason) {
    }
}
