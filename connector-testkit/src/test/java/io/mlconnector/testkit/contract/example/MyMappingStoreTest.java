package io.mlconnector.testkit.contract.example;

// README:begin custom-mapping-store
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.testkit.contract.MappingStoreContract;

class MyMappingStoreTest extends MappingStoreContract {
    @Override
    protected MappingStore newStore() {
        return new MyMappingStore();   // your implementation: a fresh, empty store for every test
    }
}
// README:end
