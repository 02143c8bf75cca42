package io.mlconnector.core.mapping;

import io.mlconnector.core.contract.MappingStoreContract;

/** {@link CachingMappingStore} over the in-memory store passes the mapping store contract. */
class CachingMappingStoreContractTest extends MappingStoreContract {
    @Override
    protected MappingStore newStore() {
        return CachingMappingStore.builder(new InMemoryMappingStore()).executor(Runnable::run).build();
    }
}
