package io.mlconnector.core.state;

import io.mlconnector.core.contract.SyncStateStoreContract;

/** {@link InMemorySyncStateStore} passes the sync state store contract. */
class InMemorySyncStateStoreContractTest extends SyncStateStoreContract {
    @Override
    protected SyncStateStore newStore() {
        return new InMemorySyncStateStore();
    }
}
