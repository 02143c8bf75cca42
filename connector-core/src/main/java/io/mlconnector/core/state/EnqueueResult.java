package io.mlconnector.core.state;

/** What became of one item handed to {@link SyncStateStore#enqueueAll}. */
public enum EnqueueResult {
    /** The item was added to the queue (ready). */
    ADDED,
    /**
     * The item was dropped: a pending item with the same connection and dedupe key exists (possibly one added earlier
     * in the same call), or an item with the same id.
     */
    DUPLICATE;

    /**
     * The result of a single {@link SyncStateStore#enqueue}.
     *
     * @param added what {@code enqueue} returned
     * @return {@link #ADDED} for true, {@link #DUPLICATE} for false
     */
    public static EnqueueResult of(boolean added) {
        return added ? ADDED : DUPLICATE;
    }
}
