package io.mlconnector.procore.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.auth.AccessToken;
import io.mlconnector.core.auth.TokenSource;
import io.mlconnector.core.error.ApiException;
import io.mlconnector.core.http.ApiRequest;
import io.mlconnector.core.http.ApiResponse;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.procore.http.UnexpectedResponseException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains access tokens with the OAuth 2.0 client-credentials grant (procore.md §1.1):
 * {@code POST {login}/oauth/token} with an {@code application/x-www-form-urlencoded} body carrying
 * {@code grant_type=client_credentials}, {@code client_id} and {@code client_secret} (credentials in the body, as
 * the official Ruby SDK does). The answer {@code {access_token, token_type, expires_in, created_at}} has no refresh
 * token. Expiry is {@code created_at + expires_in}; without {@code created_at} (or when it is in the future or
 * would already be past — clock skew) it is {@code now + expires_in}, so the lifetime is never over-estimated.
 * {@code invalid_client} and similar OAuth errors become {@link InvalidClientException}.
 */
public final class ProcoreTokenSource implements TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(ProcoreTokenSource.class);
    private static final Set<String> CLIENT_ERRORS =
            Set.of("invalid_client", "unauthorized_client", "invalid_grant", "invalid_scope", "unsupported_grant_type");

    private final HttpTransport transport;
    private final URI tokenUri;
    private final Supplier<ClientCredentials> credentials;
    private final ObjectMapper mapper;
    private final Clock clock;

    /**
     * @param transport   transport for the login host (not the API's rate limiter: the login host has its own)
     * @param loginBase   e.g. {@code https://login.procore.com}
     * @param credentials supplies the current client credentials (read from the credential store on each call)
     * @param mapper      JSON mapper
     * @param clock       clock for expiry computation
     */
    public ProcoreTokenSource(HttpTransport transport, URI loginBase, Supplier<ClientCredentials> credentials,
                              ObjectMapper mapper, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        String base = loginBase.toString();
        this.tokenUri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/oauth/token");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The token endpoint this source posts to.
     *
     * @return the token endpoint this source posts to
     */
    public URI tokenUri() {
        return tokenUri;
    }

    @Override
    public AccessToken fetchToken() {
        ClientCredentials c = credentials.get();
        String form = "grant_type=client_credentials&client_id=" + enc(c.clientId()) + "&client_secret=" + enc(c.clientSecret());
        ApiRequest request = ApiRequest.builder(HttpMethod.POST, tokenUri)
                .header("Accept", "application/json")
                .body(form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
                // asking for a token twice is harmless, so timeouts may be retried
                .idempotent(true)
                .build();
        ApiResponse response;
        try {
            response = transport.send(request);
        } catch (ApiException e) {
            String code = e.errorCodes().stream().filter(CLIENT_ERRORS::contains).findFirst().orElse(null);
            if (code != null || e.status() == 401) {
                throw new InvalidClientException(code == null ? "invalid_client" : code,
                        "Procore refused the client credentials (" + (code == null ? "HTTP 401" : code) + ") at " + tokenUri
                                + "; check the client id/secret and that they belong to this environment", e);
            }
            throw e;
        }
        return parse(response);
    }

    private AccessToken parse(ApiResponse response) {
        JsonNode n;
        try {
            n = mapper.readTree(response.bodyAsString());
        } catch (IOException e) {
            throw new UnexpectedResponseException("token response is not JSON", e);
        }
        String token = n == null ? null : n.path("access_token").asText(null);
        if (token == null || token.isBlank() || !n.path("expires_in").canConvertToLong()) {
            throw new UnexpectedResponseException("token response lacks access_token or expires_in", null);
        }
        long expiresIn = n.path("expires_in").asLong();
        Instant now = clock.instant();
        Instant issued = n.hasNonNull("created_at") && n.get("created_at").canConvertToLong()
                ? Instant.ofEpochSecond(n.get("created_at").asLong()) : now;
        if (issued.isAfter(now)) {
            issued = now;
        }
        Instant expiresAt = issued.plusSeconds(expiresIn);
        if (!expiresAt.isAfter(now)) {
            LOG.warn("token created_at {} + expires_in {}s is already past at {}; assuming clock skew", issued, expiresIn, now);
            expiresAt = now.plus(Duration.ofSeconds(expiresIn));
        }
        return new AccessToken(token, expiresAt);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
