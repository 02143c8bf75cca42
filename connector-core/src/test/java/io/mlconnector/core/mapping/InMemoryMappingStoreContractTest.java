package io.mlconnector.core.mapping;

import io.mlconnector.core.contract.MappingStoreContract;

/** {@link InMemoryMappingStore} passes the mapping store contract. */
class InMemoryMappingStoreContractTest extends MappingStoreContract {
    @Override
    protected MappingStore newStore() {
        return new InMemoryMappingStore();
    }
}
