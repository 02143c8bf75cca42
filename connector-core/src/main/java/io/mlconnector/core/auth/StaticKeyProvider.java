package io.mlconnector.core.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link KeyProvider} over a fixed set of keys held in memory; the first one added is primary unless chosen. */
public final class StaticKeyProvider implements KeyProvider {
    private final EncryptionKey primary;
    private final Map<String, EncryptionKey> keys;

    private StaticKeyProvider(EncryptionKey primary, Map<String, EncryptionKey> keys) {
        this.primary = primary;
        this.keys = Map.copyOf(keys);
    }

    /** A provider with a single key. */
    public static StaticKeyProvider of(EncryptionKey key) {
        return builder().primary(key).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public EncryptionKey primary() {
        return primary;
    }

    @Override
    public Optional<EncryptionKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Builder for {@link StaticKeyProvider}. */
    public static final class Builder {
        private EncryptionKey primary;
        private final Map<String, EncryptionKey> keys = new LinkedHashMap<>();

        /** Sets the key new envelopes are sealed with. */
        public Builder primary(EncryptionKey key) {
            this.primary = Objects.requireNonNull(key);
            keys.put(key.id(), key);
            return this;
        }

        /** Adds an older key that can still open envelopes. */
        public Builder retired(EncryptionKey key) {
            keys.put(key.id(), key);
            return this;
        }

        public StaticKeyProvider build() {
            if (primary == null) {
                throw new IllegalStateException("a primary key is required");
            }
            return new StaticKeyProvider(primary, keys);
        }
    }
}
