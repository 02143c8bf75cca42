package io.mlconnector.core.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A bearer access token with its expiry. {@link #toString()} never shows the token.
 *
 * @param value     the bearer token
 * @param expiresAt when the API stops accepting it
 * @param scopes    granted scopes (may be empty when the API does not say)
 */
public record AccessToken(String value, Instant expiresAt, Set<String> scopes) {
    /**
     * Checks the components.
     *
     * @param value the bearer token
     * @param expiresAt when the API stops accepting it
     * @param scopes granted scopes (may be empty when the API does not say)
     */
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /**
     * Creates a {@code AccessToken}.
     *
     * @param value the bearer token
     * @param expiresAt when the API stops accepting it
     */
    public AccessToken(String value, Instant expiresAt) {
        this(value, expiresAt, Set.of());
    }

    /**
     * Whether the token is expired at {@code now}.
     *
     * @param now the current time
     * @return whether the token is expired at {@code now}
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * The header value {@code Bearer <token>}.
     *
     * @return the header value {@code Bearer <token>}
     */
    public String authorizationHeader() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        String tail = value.length() > 4 ? value.substring(value.length() - 4) : "";
        return "AccessToken[****" + tail + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
