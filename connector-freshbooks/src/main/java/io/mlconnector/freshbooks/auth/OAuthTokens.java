package io.mlconnector.freshbooks.auth;

import io.mlconnector.core.auth.AccessToken;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An access/refresh token pair from the FreshBooks token endpoint. The refresh token is single-use: every refresh
 * returns a new pair that must be saved before the access token is used. {@link #toString()} shows no secret.
 *
 * @param accessToken  bearer token (12 hours)
 * @param refreshToken single-use refresh token
 * @param expiresAt    when the access token expires
 * @param scopes       granted scopes
 * @param tokenType    {@code Bearer}
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, List<String> scopes,
                          String tokenType) {
    /**
     * Checks the components.
     *
     * @param accessToken bearer token (12 hours)
     * @param refreshToken single-use refresh token
     * @param expiresAt when the access token expires
     * @param scopes granted scopes
     * @param tokenType {@code Bearer}
     */
    public OAuthTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /**
     * The access token in core's form.
     *
     * @return the access token in core's form
     */
    public AccessToken toAccessToken() {
        return new AccessToken(accessToken, expiresAt, Set.copyOf(scopes));
    }

    @Override
    public String toString() {
        return "OAuthTokens[access=****, refresh=" + (refreshToken == null ? "none" : "****") + ", expiresAt="
                + expiresAt + ", scopes=" + scopes + "]";
    }
}
