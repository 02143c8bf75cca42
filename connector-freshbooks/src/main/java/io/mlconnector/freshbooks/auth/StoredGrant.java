package io.mlconnector.freshbooks.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.auth.ReauthorizationRequiredException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The small JSON document a {@link io.mlconnector.core.auth.CredentialStore} holds for a FreshBooks grant:
 * {@code {"access_token","refresh_token","expires_at"(epoch seconds),"scope","token_type"}}.
 */
record StoredGrant(@JsonProperty("access_token") String accessToken,
                   @JsonProperty("refresh_token") String refreshToken,
                   @JsonProperty("expires_at") long expiresAt,
                   @JsonProperty("scope") String scope,
                   @JsonProperty("token_type") String tokenType) {

    @Override
    public String toString() {
        return "StoredGrant[access=****, refresh=****, expiresAt=" + expiresAt + ", scope=" + scope + "]";
    }

    static byte[] encode(ObjectMapper mapper, OAuthTokens t) {
        StoredGrant g = new StoredGrant(t.accessToken(), t.refreshToken(), t.expiresAt().getEpochSecond(),
                String.join(" ", t.scopes()), t.tokenType());
        try {
            return mapper.writeValueAsBytes(g);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode the FreshBooks grant", e);
        }
    }

    static OAuthTokens decode(ObjectMapper mapper, byte[] bytes) {
        try {
            StoredGrant g = mapper.readValue(new String(bytes, StandardCharsets.UTF_8), StoredGrant.class);
            if (g.accessToken == null && g.refreshToken == null) {
                throw new IllegalArgumentException("empty grant");
            }
            List<String> scopes = g.scope == null || g.scope.isBlank() ? List.of() : List.of(g.scope.trim().split("\\s+"));
            return new OAuthTokens(g.accessToken == null ? "" : g.accessToken, g.refreshToken,
                    Instant.ofEpochSecond(g.expiresAt), scopes, g.tokenType);
        } catch (Exception e) {
            throw new ReauthorizationRequiredException("the stored FreshBooks grant cannot be read; authorize the app "
                    + "again", e);
        }
    }
}
