package io.mlconnector.testkit.contract;

import io.mlconnector.core.mapping.CachingMappingStore;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.MappingStore;

/** {@link CachingMappingStore} over the in-memory store passes the mapping store contract. */
class CachingMappingStoreContractTest extends MappingStoreContract {
    @Override
    protected MappingStore newStore() {
        return CachingMappingStore.builder(new InMemoryMappingStore()).executor(Runnable::run).build();
    }
}
