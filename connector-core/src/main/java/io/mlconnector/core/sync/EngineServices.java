package io.mlconnector.core.sync;

import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.state.SyncStateStore;
import java.time.Clock;

/** The stores and helpers every part of one engine shares. */
record EngineServices(SyncStateStore state, MappingStore mappings, Auditor auditor, Clock clock, String nodeId,
                      PreviewBook previews, HandshakeVault handshakes, WebhookHandshakeListener handshakeListener) {
}
