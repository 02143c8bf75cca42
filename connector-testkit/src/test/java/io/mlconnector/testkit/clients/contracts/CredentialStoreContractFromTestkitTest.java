package io.mlconnector.testkit.clients.contracts;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.contract.CredentialStoreContract;

/** Core's credential-store contract from connector-testkit, on the encrypted store the sandbox tests use. */
class CredentialStoreContractFromTestkitTest extends CredentialStoreContract {
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
