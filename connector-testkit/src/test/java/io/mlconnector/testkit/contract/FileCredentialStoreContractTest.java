package io.mlconnector.testkit.contract;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.FileCredentialStore;
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
