package io.mlconnector.testkit.contract;

import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.SyncStateStore;

/** {@link InMemorySyncStateStore} passes the sync state store contract. */
class InMemorySyncStateStoreContractTest extends SyncStateStoreContract {
    @Override
    protected SyncStateStore newStore() {
        return new InMemorySyncStateStore();
    }
}
