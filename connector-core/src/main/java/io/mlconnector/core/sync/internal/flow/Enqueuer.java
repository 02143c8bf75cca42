package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.sync.Connection;
import java.util.UUID;

/** Puts work on the durable queue; a pending item with the same dedupe key makes the enqueue a no-op. */
public final class Enqueuer {
    private final EngineServices services;

    public Enqueuer(EngineServices services) {
        this.services = services;
    }

    /** Returns whether the item was added (false: an item with the same dedupe key is pending). */
    public boolean enqueue(Connection c, WorkType type, String dedupeKey, WorkPayload payload) {
        WorkItem item = WorkItem.ready(UUID.randomUUID().toString(), c.id(), dedupeKey, type.code(), payload.encode(),
                services.clock().instant());
        return services.state().enqueue(item);
    }
}
