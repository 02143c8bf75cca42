package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.state.EnqueueResult;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.sync.Connection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Puts work on the durable queue; a pending item with the same dedupe key makes the enqueue a no-op. Items go through
 * a {@link GroupCommitter}: callers that arrive together share one commit, each answered after it.
 */
public final class Enqueuer {
    private final EngineServices services;
    private final GroupCommitter committer;

    public Enqueuer(EngineServices services) {
        this.services = services;
        this.committer = new GroupCommitter(services.state(), GroupCommitter.DEFAULT_MAX_GROUP,
                GroupCommitter.DEFAULT_MAX_IN_FLIGHT);
    }

    /** Returns whether the item was added (false: an item with the same dedupe key is pending), once committed. */
    public boolean enqueue(Connection c, WorkType type, String dedupeKey, WorkPayload payload) {
        return committer.enqueue(item(c, type, dedupeKey, payload)) == EnqueueResult.ADDED;
    }

    /**
     * Like {@link #enqueue} without blocking: completes once committed; a commit this caller has to lead runs on
     * {@code executor}.
     */
    public CompletableFuture<Boolean> enqueueAsync(Connection c, WorkType type, String dedupeKey, WorkPayload payload,
                                            Executor executor) {
        return committer.enqueueAsync(item(c, type, dedupeKey, payload), executor)
                .thenApply(r -> r == EnqueueResult.ADDED);
    }

    private WorkItem item(Connection c, WorkType type, String dedupeKey, WorkPayload payload) {
        return WorkItem.ready(UUID.randomUUID().toString(), c.id(), dedupeKey, type.code(), payload.encode(),
                services.clock().instant());
    }
}
