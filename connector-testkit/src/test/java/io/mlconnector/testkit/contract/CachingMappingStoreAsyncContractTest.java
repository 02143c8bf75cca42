package io.mlconnector.testkit.contract;

import io.mlconnector.core.mapping.CachingMappingStore;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.MappingStore;

/** {@link CachingMappingStore} with its default (asynchronous) executor passes the mapping store contract. */
class CachingMappingStoreAsyncContractTest extends MappingStoreContract {
    @Override
    protected MappingStore newStore() {
        return CachingMappingStore.builder(new InMemoryMappingStore()).build();
    }
}
