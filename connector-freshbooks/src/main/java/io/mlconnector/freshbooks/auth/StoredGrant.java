package io.mlconnector.freshbooks.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.auth.ReauthorizationRequiredException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The small JSON document a {@link io.mlconnector.core.auth.CredentialStore} holds for a FreshBooks grant:
 * {@code {"access_token","refresh_token","expires_at"(epoch seconds),"scope","token_type"}}, plus, while a node is
 * refreshing the grant, its claim {@code "refreshing_by"} (the node's token-source id) and {@code "refreshing_until"}
 * (epoch milliseconds). Readers that do not know the claim fields ignore them.
 */
record StoredGrant(@JsonProperty("access_token") String accessToken,
                   @JsonProperty("refresh_token") String refreshToken,
                   @JsonProperty("expires_at") long expiresAt,
                   @JsonProperty("scope") String scope,
                   @JsonProperty("token_type") String tokenType,
                   @JsonProperty("refreshing_by") @JsonInclude(JsonInclude.Include.NON_NULL) String refreshingBy,
                   @JsonProperty("refreshing_until") @JsonInclude(JsonInclude.Include.NON_NULL) Long refreshingUntil) {

    @Override
    public String toString() {
        return "StoredGrant[access=****, refresh=****, expiresAt=" + expiresAt + ", scope=" + scope
                + (refreshingBy == null ? "" : ", refreshingBy=" + refreshingBy + " until " + refreshingUntil) + "]";
    }

    /** Whether a node other than {@code self} claimed the refresh of this grant and its claim runs past {@code now}. */
    boolean claimedByOther(String self, Instant now) {
        return refreshingBy != null && refreshingUntil != null && !refreshingBy.equals(self)
                && now.toEpochMilli() < refreshingUntil;
    }

    /** When the current claim lapses (meaningful only when claimed). */
    Instant claimUntil() {
        return refreshingUntil == null ? Instant.EPOCH : Instant.ofEpochMilli(refreshingUntil);
    }

    static byte[] encode(ObjectMapper mapper, OAuthTokens t) {
        return write(mapper, t, null, null);
    }

    /** The grant with a refresh claim by {@code by} until {@code until}. */
    static byte[] encodeClaimed(ObjectMapper mapper, OAuthTokens t, String by, Instant until) {
        return write(mapper, t, by, until.toEpochMilli());
    }

    private static byte[] write(ObjectMapper mapper, OAuthTokens t, String by, Long until) {
        StoredGrant g = new StoredGrant(t.accessToken(), t.refreshToken(), t.expiresAt().getEpochSecond(),
                String.join(" ", t.scopes()), t.tokenType(), by, until);
        try {
            return mapper.writeValueAsBytes(g);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode the FreshBooks grant", e);
        }
    }

    static OAuthTokens decode(ObjectMapper mapper, byte[] bytes) {
        return read(mapper, bytes).tokens();
    }

    /** The stored document, claim included. */
    static StoredGrant read(ObjectMapper mapper, byte[] bytes) {
        StoredGrant g;
        try {
            g = mapper.readValue(new String(bytes, StandardCharsets.UTF_8), StoredGrant.class);
        } catch (Exception e) {
            throw unreadable(e);
        }
        if (g == null || (g.accessToken == null && g.refreshToken == null)) {
            throw unreadable(new IllegalArgumentException("empty grant"));
        }
        return g;
    }

    /** The token pair, without the claim. */
    OAuthTokens tokens() {
        List<String> scopes = scope == null || scope.isBlank() ? List.of() : List.of(scope.trim().split("\\s+"));
        return new OAuthTokens(accessToken == null ? "" : accessToken, refreshToken, Instant.ofEpochSecond(expiresAt),
                scopes, tokenType);
    }

    private static ReauthorizationRequiredException unreadable(Exception cause) {
        return new ReauthorizationRequiredException("the stored FreshBooks grant cannot be read; authorize the app "
                + "again", cause);
    }
}
