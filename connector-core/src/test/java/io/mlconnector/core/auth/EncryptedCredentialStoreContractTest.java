package io.mlconnector.core.auth;

import io.mlconnector.core.contract.CredentialStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link EncryptedCredentialStore} over a file store passes the credential store contract. */
class EncryptedCredentialStoreContractTest extends CredentialStoreContract {
    @TempDir
    Path dir;

    @Override
    protected CredentialStore newStore() {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 7 + 3);
        }
        return new EncryptedCredentialStore(new FileCredentialStore(dir),
                StaticKeyProvider.of(EncryptionKey.aes256("k1", raw)));
    }
}
