package io.mlconnector.core.operator;

import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.sync.SyncEngine;
import java.time.Clock;
import java.util.Objects;

/**
 * The operator's facade over a {@link SyncEngine}: records waiting for a person, unmapped references with
 * suggestions, audited mapping changes, replays and stream health. Thread-safe. Give it the same
 * {@link MappingStore} instance the engine uses (a {@code CachingMappingStore} included), so a mapping set here is
 * what the next replay reads.
 *
 * <pre>{@code
 * OperatorService operator = OperatorService.builder()
 *         .engine(engine).mappingStore(mappingStore).auditSink(auditLog).build();
 * }</pre>
 */
public final class OperatorService {
    private final SyncEngine engine;
    private final MappingStore mappings;
    private final AuditSink audit;
    private final Clock clock;

    private OperatorService(Builder b) {
        this.engine = Objects.requireNonNull(b.engine, "engine");
        this.mappings = Objects.requireNonNull(b.mappings, "mappingStore");
        this.audit = Objects.requireNonNull(b.audit, "auditSink");
        this.clock = Objects.requireNonNull(b.clock, "clock");
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The engine this service works on.
     *
     * @return the engine
     */
    public SyncEngine engine() {
        return engine;
    }

    /** Builds an {@link OperatorService}. */
    public static final class Builder {
        private SyncEngine engine;
        private MappingStore mappings;
        private AuditSink audit;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The engine (required).
         *
         * @param value the engine
         * @return this builder
         */
        public Builder engine(SyncEngine value) {
            this.engine = Objects.requireNonNull(value, "engine");
            return this;
        }

        /**
         * The mapping store the engine uses, the same instance (required).
         *
         * @param value the mapping store
         * @return this builder
         */
        public Builder mappingStore(MappingStore value) {
            this.mappings = Objects.requireNonNull(value, "mappingStore");
            return this;
        }

        /**
         * Where mapping changes are audited, normally the engine's audit sink (required).
         *
         * @param value the audit sink
         * @return this builder
         */
        public Builder auditSink(AuditSink value) {
            this.audit = Objects.requireNonNull(value, "auditSink");
            return this;
        }

        /**
         * The clock stamping mapping changes (default UTC system clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service
         * @throws NullPointerException when the engine, mapping store or audit sink is missing
         */
        public OperatorService build() {
            return new OperatorService(this);
        }
    }
}
