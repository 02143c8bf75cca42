package io.mlconnector.testkit.contract;

import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.MappingStore;

/** {@link InMemoryMappingStore} passes the mapping store contract. */
class InMemoryMappingStoreContractTest extends MappingStoreContract {
    @Override
    protected MappingStore newStore() {
        return new InMemoryMappingStore();
    }
}
