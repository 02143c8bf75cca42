package io.mlconnector.jdbc;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.testkit.contract.CredentialStoreContract;
import io.mlconnector.jdbc.testing.PostgresDatabase;
import io.mlconnector.jdbc.testing.TestDatabase;

/** {@link JdbcCredentialStore} passes the credential store contract on PostgreSQL. */
@PostgresDatabase
class PostgresCredentialStoreContractTest extends CredentialStoreContract {
    private final TestDatabase db;

    PostgresCredentialStoreContractTest(TestDatabase db) {
        this.db = db;
    }

    @Override
    protected CredentialStore newStore() {
        return JdbcCredentialStore.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build();
    }
}
