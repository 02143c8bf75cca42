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

    /**
     * A provider with a single key.
     *
     * @param key the key
     * @return the {@code StaticKeyProvider}
     */
    public static StaticKeyProvider of(EncryptionKey key) {
        return builder().primary(key).build();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
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

        /**
         * Sets the key new envelopes are sealed with.
         *
         * @param key the key new envelopes are sealed with
         * @return this builder
         */
        public Builder primary(EncryptionKey key) {
            this.primary = Objects.requireNonNull(key);
            keys.put(key.id(), key);
            return this;
        }

        /**
         * Adds an older key that can still open envelopes.
         *
         * @param key an older key that can still open envelopes
         * @return this builder
         */
        public Builder retired(EncryptionKey key) {
            keys.put(key.id(), key);
            return this;
        }

        /**
         * Builds the {@code StaticKeyProvider} from the settings given so far.
         *
         * @return the new {@code StaticKeyProvider}
         */
        public StaticKeyProvider build() {
            if (primary == null) {
                throw new IllegalStateException("a primary key is required");
            }
            return new StaticKeyProvider(primary, keys);
        }
    }
}
