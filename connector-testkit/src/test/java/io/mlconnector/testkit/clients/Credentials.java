package io.mlconnector.testkit.clients;

import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.StaticKeyProvider;

/** Credential stores as a host would wire them: an encrypted decorator over a store it can inspect. */
final class Credentials {
    private Credentials() {
    }

    /** A fixed 256-bit test key (never a real secret). */
    static StaticKeyProvider testKeys() {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (31 * i + 7);
        }
        return StaticKeyProvider.of(EncryptionKey.aes256("test-key-1", raw));
    }

    /** {@link EncryptedCredentialStore} over {@code backing}, so tests can look at what is really stored. */
    static EncryptedCredentialStore encrypted(InMemoryCredentialStore backing) {
        return new EncryptedCredentialStore(backing, testKeys());
    }
}
