package io.mlconnector.freshbooks.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.auth.ReauthorizationRequiredException;
import io.mlconnector.core.error.ApiException;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.http.ApiRequest;
import io.mlconnector.core.http.ApiResponse;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.freshbooks.http.FreshBooksErrorDecoder;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.http.UnexpectedResponseException;
import io.mlconnector.freshbooks.internal.json.FreshBooksJson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * FreshBooks OAuth 2.0 authorization-code flow: the browser authorization URL
 * ({@code https://auth.freshbooks.com/oauth/authorize}), code exchange and refresh
 * ({@code POST https://api.freshbooks.com/auth/oauth/token}, JSON body) and revoke
 * ({@code POST …/auth/oauth/revoke}, path UNCONFIRMED). A rejected grant ({@code invalid_grant} or any 400/401/403
 * from the token endpoint other than a client-credential problem) raises {@link ReauthorizationRequiredException};
 * token calls are never retried.
 */
public final class FreshBooksOAuth {
    /** FreshBooks' documented access-token lifetime, used when the answer omits {@code expires_in}. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
    private static final Set<String> CLIENT_ERRORS = Set.of("invalid_client", "unauthorized_client");

    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final String authBase;
    private final String apiBase;
    private final HttpTransport transport;
    private final ObjectMapper mapper;
    private final Clock clock;

    private FreshBooksOAuth(Builder b) {
        this.clientId = require(b.clientId, "clientId");
        this.clientSecret = require(b.clientSecret, "clientSecret");
        this.redirectUri = b.redirectUri;
        this.authBase = trim(b.authBaseUrl);
        this.apiBase = trim(b.apiBaseUrl);
        this.mapper = FreshBooksJson.newObjectMapper();
        this.clock = b.clock;
        HttpTransport t = b.transport != null ? b.transport
                : HttpTransport.builder().retryPolicy(RetryPolicy.none()).clock(b.clock).build();
        this.transport = t.withErrorDecoder(new FreshBooksErrorDecoder(mapper));
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The client id.
     *
     * @return the client id
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The URL to send the user's browser to. Scopes are space-joined (omit them to get the app's configured
     * scopes); {@code state} is echoed back to the redirect URI and should be an unguessable per-request value.
     *
     * @param scopes granted scopes
     * @param state the state
     * @return the URL to send the user's browser to
     */
    public URI authorizationUrl(List<String> scopes, String state) {
        QueryParams q = QueryParams.empty().add("client_id", clientId).add("response_type", "code")
                .add("redirect_uri", requireRedirect());
        if (scopes != null && !scopes.isEmpty()) {
            q.add("scope", String.join(" ", scopes));
        }
        q.add("state", state);
        return URI.create(authBase + "/oauth/authorize?" + q.encode());
    }

    /**
     * Exchanges the authorization code (valid 5 minutes) for the first token pair.
     *
     * @param code the code
     * @return the code
     */
    public OAuthTokens exchangeCode(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("client_id", clientId);
        body.put("client_secret", clientSecret);
        body.put("code", Objects.requireNonNull(code, "code"));
        body.put("redirect_uri", requireRedirect());
        return tokenCall(body, "authorization code");
    }

    /**
     * Uses a refresh token (single-use) for a new pair. The caller must persist the returned pair before using it;
     * {@link FreshBooksTokenSource} does.
     *
     * @param refreshToken single-use refresh token
     * @return the o auth tokens
     */
    public OAuthTokens refresh(String refreshToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("client_id", clientId);
        body.put("client_secret", clientSecret);
        body.put("refresh_token", Objects.requireNonNull(refreshToken, "refreshToken"));
        if (redirectUri != null) {
            body.put("redirect_uri", redirectUri); // all three SDKs send it on refresh too
        }
        return tokenCall(body, "refresh token");
    }

    /**
     * Revokes a token (refresh token recommended). Path and body are UNCONFIRMED (third-party documentation).
     *
     * @param token the token
     */
    public void revoke(String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("client_secret", clientSecret);
        body.put("token", Objects.requireNonNull(token, "token"));
        post("/auth/oauth/revoke", body);
    }

    private OAuthTokens tokenCall(Map<String, Object> body, String grant) {
        ApiResponse response;
        try {
            response = post("/auth/oauth/token", body);
        } catch (ApiException e) {
            int s = e.status();
            if (s == 400 || s == 401 || s == 403) {
                if (e.errorCodes().stream().anyMatch(CLIENT_ERRORS::contains)) {
                    throw new ConfigurationException("FreshBooks rejected the OAuth client credentials ("
                            + e.errorCodes() + "): check client id and secret", e);
                }
                throw new ReauthorizationRequiredException("FreshBooks rejected the " + grant + " (HTTP " + s
                        + ", " + (e.errorCodes().isEmpty() ? "no error code" : String.join(",", e.errorCodes()))
                        + "): the user must authorize the app again", e);
            }
            throw e;
        }
        return parseTokens(response.bodyAsString());
    }

    private ApiResponse post(String path, Map<String, Object> body) {
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialize token request", e);
        }
        ApiRequest request = ApiRequest.builder(HttpMethod.POST, URI.create(apiBase + path))
                .header("Accept", "application/json").jsonBody(json).build();
        return transport.send(request);
    }

    OAuthTokens parseTokens(String json) {
        JsonNode n;
        try {
            n = mapper.readTree(json);
        } catch (Exception e) {
            throw new UnexpectedResponseException("token endpoint answered with a body that is not JSON", e);
        }
        String access = text(n, "access_token");
        if (access == null) {
            throw new UnexpectedResponseException("token endpoint answer has no access_token");
        }
        Instant expiresAt;
        long expiresIn = n.path("expires_in").asLong(-1);
        if (expiresIn < 0) {
            expiresAt = clock.instant().plus(DEFAULT_LIFETIME);
        } else if (n.hasNonNull("created_at") && n.path("created_at").asLong(0) > 0) {
            expiresAt = Instant.ofEpochSecond(n.path("created_at").asLong() + expiresIn);
        } else {
            expiresAt = clock.instant().plusSeconds(expiresIn);
        }
        String scope = text(n, "scope");
        List<String> scopes = scope == null ? List.of() : Arrays.stream(scope.trim().split("\\s+")).toList();
        return new OAuthTokens(access, text(n, "refresh_token"), expiresAt, scopes, text(n, "token_type"));
    }

    private String requireRedirect() {
        if (redirectUri == null || redirectUri.isBlank()) {
            throw new ConfigurationException("redirectUri is required for the authorization-code flow");
        }
        return redirectUri;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String require(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new ConfigurationException(name + " is required");
        }
        return v;
    }

    private static String trim(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public String toString() {
        return "FreshBooksOAuth[clientId=" + clientId + ", clientSecret=****, authBase=" + authBase + ", apiBase="
                + apiBase + "]";
    }

    /** Builder for {@link FreshBooksOAuth}. */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private String redirectUri;
        private String authBaseUrl = "https://auth.freshbooks.com";
        private String apiBaseUrl = "https://api.freshbooks.com";
        private HttpTransport transport;
        private Clock clock = Clock.systemUTC();

        /**
         * Sets the client id.
         *
         * @param v the client id
         * @return this builder
         */
        public Builder clientId(String v) {
            clientId = v;
            return this;
        }

        /**
         * Sets the client secret.
         *
         * @param v the client secret
         * @return this builder
         */
        public Builder clientSecret(String v) {
            clientSecret = v;
            return this;
        }

        /**
         * The registered HTTPS redirect URI (no query string).
         *
         * @param v the registered HTTPS redirect URI (no query string)
         * @return this builder
         */
        public Builder redirectUri(String v) {
            redirectUri = v;
            return this;
        }

        /**
         * Authorization host (default {@code https://auth.freshbooks.com}).
         *
         * @param v authorization host
         * @return this builder
         */
        public Builder authBaseUrl(String v) {
            authBaseUrl = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Token host (default {@code https://api.freshbooks.com}).
         *
         * @param v token host
         * @return this builder
         */
        public Builder apiBaseUrl(String v) {
            apiBaseUrl = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Transport for token calls (its error decoder is replaced by FreshBooks').
         *
         * @param v transport for token calls (its error decoder is replaced by FreshBooks')
         * @return this builder
         */
        public Builder transport(HttpTransport v) {
            transport = v;
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param v the clock
         * @return this builder
         */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Builds the {@code FreshBooksOAuth} from the settings given so far.
         *
         * @return the new {@code FreshBooksOAuth}
         */
        public FreshBooksOAuth build() {
            return new FreshBooksOAuth(this);
        }
    }
}
