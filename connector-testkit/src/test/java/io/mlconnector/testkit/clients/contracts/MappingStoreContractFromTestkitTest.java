package io.mlconnector.testkit.clients.contracts;

import io.mlconnector.core.contract.MappingStoreContract;
import io.mlconnector.core.mapping.CachingMappingStore;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.MappingStore;

/**
 * Core's mapping-store contract, reached from connector-testkit (core's test-jar is one of its compile dependencies):
 * this is all a user writes for their own store; here the store is core's caching decorator over the in-memory one.
 */
class MappingStoreContractFromTestkitTest extends MappingStoreContract {
    @Override
    protected MappingStore newStore() {
        return CachingMappingStore.builder(new InMemoryMappingStore()).build();
    }
}
