package io.mlconnector.testkit.contract;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.StaticKeyProvider;

/** {@link EncryptedCredentialStore} over the in-memory store (as the sandbox tests use it) passes the contract. */
class EncryptedInMemoryCredentialStoreContractTest extends CredentialStoreContract {
    @Override
    protected CredentialStore newStore() {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (13 * i + 1);
        }
        return new EncryptedCredentialStore(new InMemoryCredentialStore(),
                StaticKeyProvider.of(EncryptionKey.aes256("contract-key", raw)));
    }
}
