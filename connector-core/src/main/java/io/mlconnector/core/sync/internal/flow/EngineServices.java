package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.WebhookHandshakeListener;
import io.mlconnector.core.sync.alignment.ReferenceDataAlignment;
import java.time.Clock;

/** The stores and helpers every part of one engine shares. */
public record EngineServices(SyncStateStore state, MappingStore mappings, AuditSink auditSink, Auditor auditor, Clock clock,
                      String nodeId,
                      PreviewBook previews, HandshakeVault handshakes, WebhookHandshakeListener handshakeListener,
                      EngineObserver observer) {

    /** The reference-data alignment of one connection, on these stores and the connection's policy. */
    public ReferenceDataAlignment alignment(Connection c) {
        return ReferenceDataAlignment.builder().connectionId(c.id()).accountingSystem(c.accounting())
                .projectSystem(c.projects()).mappingStore(mappings()).auditSink(auditSink())
                .clock(clock()).policy(c.policy().alignment()).build();
    }
}
