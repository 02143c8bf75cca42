package io.mlconnector.core.auth;

import io.mlconnector.core.contract.CredentialStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileCredentialStore} passes the credential store contract. */
class FileCredentialStoreContractTest extends CredentialStoreContract {
    @TempDir
    Path dir;

    @Override
    protected CredentialStore newStore() {
        return new FileCredentialStore(dir);
    }
}
