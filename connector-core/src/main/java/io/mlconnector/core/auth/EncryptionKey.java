package io.mlconnector.core.auth;

import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** An AES-256 key with the id written into every envelope it seals, so keys can rotate. Masked {@code toString}. */
public record EncryptionKey(String id, SecretKey key) {
    /**
     * Checks the components.
     *
     * @param id the object's id
     * @param key the key
     */
    public EncryptionKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        if (id.isEmpty() || id.length() > 255) {
            throw new IllegalArgumentException("key id must be 1..255 characters");
        }
        if (key.getEncoded() == null || key.getEncoded().length != 32) {
            throw new IllegalArgumentException("AES-256 key must be 32 bytes");
        }
    }

    /**
     * Builds a key from 32 raw bytes.
     *
     * @param id the object's id
     * @param raw the raw
     * @return the aes256
     */
    public static EncryptionKey aes256(String id, byte[] raw) {
        return new EncryptionKey(id, new SecretKeySpec(raw, "AES"));
    }

    /**
     * Builds a key from a Base64 string of 32 bytes (e.g. an environment variable).
     *
     * @param id the object's id
     * @param base64 the base64
     * @return the from base64
     */
    public static EncryptionKey fromBase64(String id, String base64) {
        return aes256(id, java.util.Base64.getDecoder().decode(base64.trim()));
    }

    @Override
    public String toString() {
        return "EncryptionKey[id=" + id + ", key=****]";
    }
}
