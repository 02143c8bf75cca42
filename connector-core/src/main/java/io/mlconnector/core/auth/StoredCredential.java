package io.mlconnector.core.auth;

import java.util.Objects;

/**
 * A credential as a store holds it: opaque bytes plus a version that increases with every save.
 * {@link #toString()} never shows the bytes.
 */
public record StoredCredential(CredentialKey key, long version, byte[] value) {
    /**
     * Checks the components.
     *
     * @param key the key
     * @param version the version
     * @param value the value
     */
    public StoredCredential {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        value = value.clone();
    }

    /**
     * The secret bytes (a copy: changing it does not change this credential).
     *
     * @return a copy of the value
     */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredCredential c && c.key.equals(key) && c.version == version
                && java.util.Arrays.equals(c.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, version);
    }

    @Override
    public String toString() {
        return "StoredCredential[" + key + ", version=" + version + ", value=****]";
    }
}
