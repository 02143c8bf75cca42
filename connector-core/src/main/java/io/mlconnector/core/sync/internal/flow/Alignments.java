package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.alignment.ReferenceDataAlignment;

/** Builds the reference-data alignment of one connection from the engine's stores and the connection's policy. */
public final class Alignments {
    private Alignments() {
    }

    public static ReferenceDataAlignment of(EngineServices services, Connection c) {
        return ReferenceDataAlignment.builder().connectionId(c.id()).accountingSystem(c.accounting())
                .projectSystem(c.projects()).mappingStore(services.mappings()).auditSink(services.auditSink())
                .clock(services.clock()).policy(c.policy().alignment()).build();
    }
}
