package io.mlconnector.core.sync;

import io.mlconnector.core.state.WorkItem;
import java.util.UUID;

/** Puts work on the durable queue; a pending item with the same dedupe key makes the enqueue a no-op. */
final class Enqueuer {
    private final EngineServices services;

    Enqueuer(EngineServices services) {
        this.services = services;
    }

    /** Returns whether the item was added (false: an item with the same dedupe key is pending). */
    boolean enqueue(Connection c, WorkType type, String dedupeKey, WorkPayload payload) {
        WorkItem item = WorkItem.ready(UUID.randomUUID().toString(), c.id(), dedupeKey, type.code(), payload.encode(),
                services.clock().instant());
        return services.state().enqueue(item);
    }
}
