package io.mlconnector.jdbc;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.testkit.contract.CredentialStoreContract;
import io.mlconnector.jdbc.testing.H2Database;
import io.mlconnector.jdbc.testing.TestDatabase;

/** {@link JdbcCredentialStore} passes the credential store contract on H2. */
@H2Database
class H2CredentialStoreContractTest extends CredentialStoreContract {
    private final TestDatabase db;

    H2CredentialStoreContractTest(TestDatabase db) {
        this.db = db;
    }

    @Override
    protected CredentialStore newStore() {
        return JdbcCredentialStore.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build();
    }
}
