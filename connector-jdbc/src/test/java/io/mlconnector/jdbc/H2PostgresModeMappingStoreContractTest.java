package io.mlconnector.jdbc;

import io.mlconnector.testkit.contract.MappingStoreContract;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.jdbc.testing.H2PostgresModeDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** {@link JdbcMappingStore} passes the mapping store contract on H2 in {@code MODE=PostgreSQL}. */
class H2PostgresModeMappingStoreContractTest extends MappingStoreContract {
    private H2PostgresModeDatabase db;

    @Override
    protected MappingStore newStore() throws SQLException {
        db = new H2PostgresModeDatabase();
        return JdbcMappingStore.builder().dataSource(db.dataSource()).tablePrefix(TestDatabase.PREFIX).build();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }

    /** Each racing write is a database transaction here: fewer keys keep the suite quick and still race. */
    @Override
    protected int raceKeys() {
        return 1_000;
    }
}
