package io.mlconnector.jdbc;

import io.mlconnector.testkit.contract.MappingStoreContract;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.jdbc.testing.H2Database;
import io.mlconnector.jdbc.testing.TestDatabase;

/** {@link JdbcMappingStore} passes the mapping store contract on H2. */
@H2Database
class H2MappingStoreContractTest extends MappingStoreContract {
    private final TestDatabase db;

    H2MappingStoreContractTest(TestDatabase db) {
        this.db = db;
    }

    @Override
    protected MappingStore newStore() {
        return JdbcMappingStore.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build();
    }

    /** Each racing write is a database transaction here: fewer keys keep the suite quick and still race. */
    @Override
    protected int raceKeys() {
        return 1_000;
    }
}
