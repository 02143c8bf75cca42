package io.mlconnector.core.auth;

import io.mlconnector.core.contract.CredentialStoreContract;

/** {@link InMemoryCredentialStore} passes the credential store contract. */
class InMemoryCredentialStoreContractTest extends CredentialStoreContract {
    @Override
    protected CredentialStore newStore() {
        return new InMemoryCredentialStore();
    }
}
