package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.SyncPolicy;
import java.time.Instant;
import java.util.Map;

/**
 * Everything a flow needs to process one work item of one connection. Flows call {@link #source} as soon as they
 * know the record's key, so failures that escape the flow are audited against it.
 */
public final class FlowContext {
    private final EngineServices services;
    private final Connection connection;
    private final SyncPolicy policy;
    private final WorkItem item;
    private final LeaseKeeper leases;
    private final WorkPayload payload;
    private String sourceKey;
    private String sourceVersion;

    public FlowContext(EngineServices services, Connection connection, SyncPolicy policy, WorkItem item, LeaseKeeper leases) {
        this.leases = leases;
        this.services = services;
        this.connection = connection;
        this.policy = policy;
        this.item = item;
        this.payload = WorkPayload.parse(item.payload());
        this.sourceKey = payload.get(WorkPayload.SOURCE);
    }

    public String connectionId() {
        return connection.id();
    }

    public Connection connection() {
        return connection;
    }

    public SyncPolicy policy() {
        return policy;
    }

    public boolean dryRun() {
        return policy.dryRun();
    }

    public WorkItem item() {
        return item;
    }

    public WorkPayload payload() {
        return payload;
    }

    public AccountingSystem accounting() {
        return connection.accounting();
    }

    public ProjectSystem projects() {
        return connection.projects();
    }

    public SyncStateStore state() {
        return services.state();
    }

    MappingStore mappings() {
        return services.mappings();
    }

    public EngineServices services() {
        return services;
    }

    public Instant now() {
        return services.clock().instant();
    }

    /** The lease/ledger owner tag of this attempt: node id and work item id. */
    /**
     * Acquires a named lease for this node (a record, a FreshBooks project's fixed price) for the policy's lease
     * duration; the worker keeps it renewed while the item is in flight, until {@link #releaseLease}.
     */
    public boolean acquireLease(String name) {
        return leases.acquire(name, owner(), policy.leaseDuration(), now());
    }

    /** Releases a lease taken with {@link #acquireLease}. */
    public void releaseLease(String name) {
        leases.release(name, owner());
    }

    public String owner() {
        return services.nodeId() + "/" + item.id();
    }

    /** Names the record being processed (its ledger key) and version. */
    public void source(String key, String version) {
        this.sourceKey = key;
        this.sourceVersion = version;
    }

    public String sourceKey() {
        return sourceKey;
    }

    public String sourceVersion() {
        return sourceVersion;
    }

    public void audit(Direction direction, String targetRef, AuditOutcome outcome, String reason, Map<String, String> details) {
        services.auditor().record(connection.id(), direction, sourceKey, targetRef, outcome, reason, details);
    }
}
