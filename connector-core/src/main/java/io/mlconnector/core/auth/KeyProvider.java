package io.mlconnector.core.auth;

import java.util.Optional;

/**
 * SPI: supplies encryption keys (from a KMS, a vault, an environment variable). New envelopes are sealed with
 * {@link #primary()}; old envelopes name their key id and are opened with {@link #find(String)}.
 */
public interface KeyProvider {

    /**
     * The key to encrypt with.
     *
     * @return the key to encrypt with
     */
    EncryptionKey primary();

    /**
     * A key by id, for decrypting envelopes sealed before a rotation.
     *
     * @param keyId the key id
     * @return a key by id, for decrypting envelopes sealed before a rotation
     */
    Optional<EncryptionKey> find(String keyId);
}
