package io.mlconnector.core.auth;

import java.util.Optional;

/**
 * SPI: where credentials live. Versioned compare-and-set, so two nodes that both refresh a rotating token
 * cannot silently overwrite each other. Wrap any implementation in {@link EncryptedCredentialStore} so it
 * only ever holds ciphertext.
 */
public interface CredentialStore {

    /**
     * The current credential, if any.
     *
     * @param key the key
     * @return the current credential, if any
     */
    Optional<StoredCredential> load(CredentialKey key);

    /**
     * Saves {@code value} if the stored version still equals {@code expectedVersion} (0 = must not exist yet).
     *
     * @param key the key
     * @param expectedVersion the expected version
     * @param value the value
     * @return the saved credential with version {@code expectedVersion + 1}
     * @throws CredentialConflictException when another writer got there first
     */
    StoredCredential compareAndSet(CredentialKey key, long expectedVersion, byte[] value);

    /**
     * Removes the credential; no-op when absent.
     *
     * @param key the key
     */
    void delete(CredentialKey key);
}
