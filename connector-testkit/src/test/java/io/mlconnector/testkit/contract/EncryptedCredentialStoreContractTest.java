package io.mlconnector.testkit.contract;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.FileCredentialStore;
import io.mlconnector.core.auth.StaticKeyProvider;
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
