package io.mlconnector.testkit.contract;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.InMemoryCredentialStore;

/** {@link InMemoryCredentialStore} passes the credential store contract. */
class InMemoryCredentialStoreContractTest extends CredentialStoreContract {
    @Override
    protected CredentialStore newStore() {
        return new InMemoryCredentialStore();
    }
}
