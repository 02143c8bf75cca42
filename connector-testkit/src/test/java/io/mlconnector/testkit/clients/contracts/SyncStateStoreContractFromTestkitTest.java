package io.mlconnector.testkit.clients.contracts;

import io.mlconnector.core.contract.SyncStateStoreContract;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.SyncStateStore;

/** Core's sync-state-store contract (ledger, cursors, work queue, leases) from connector-testkit. */
class SyncStateStoreContractFromTestkitTest extends SyncStateStoreContract {
    @Override
    protected SyncStateStore newStore() {
        return new InMemorySyncStateStore();
    }
}
