package io.mlconnector.examples.config;

import io.mlconnector.core.crypto.ConstantTime;
import java.util.Objects;

/**
 * A secret configuration value (client secret, refresh token, webhook secret). Its {@code toString} is masked, so a
 * config record can be logged or printed without leaking it; read the value with {@link #reveal()} where it is used.
 *
 * @param value the secret text, never blank
 */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
    }

    /** The secret text. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && ConstantTime.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return 0; // equal secrets must hash alike; a constant avoids hashing secret material
    }

    @Override
    public String toString() {
        return "****";
    }
}
