package io.mlconnector.testkit.freshbooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OAuth state of the FreshBooks sandbox: authorization codes (5 min, single use), access tokens (expiring), and
 * rotating single-use refresh tokens with one live refresh token per app. All methods are synchronized.
 */
final class FreshBooksAuth {

    /** Outcome of a grant attempt. */
    sealed interface GrantResult permits Granted, Refused { }

    record Granted(TokenPair pair) implements GrantResult { }

    record Refused(int status, String error, String description) implements GrantResult { }

    private record Code(String clientId, String redirectUri, Instant expiresAt) { }

    private record Access(String clientId, Instant createdAt, Instant expiresAt) { }

    static final String INVALID_GRANT = "The provided authorization grant is invalid, expired, revoked, does not "
        + "match the redirection URI used in the authorization request, or was issued to another client.";
    static final String INVALID_CLIENT = "Client authentication failed due to unknown client, no client "
        + "authentication included, or unsupported authentication method.";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final String scope;
    private volatile Duration accessLifetime;
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Access> accessTokens = new HashMap<>();
    /** refresh token → client id; only live ones are kept. */
    private final Map<String, String> liveRefreshTokens = new HashMap<>();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final AtomicLong refreshRequests = new AtomicLong();
    private final AtomicLong successfulRefreshes = new AtomicLong();

    FreshBooksAuth(Clock clock, String clientId, String clientSecret, String redirectUri, String scope,
                   Duration accessLifetime) {
        this.clock = clock;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.scope = scope;
        this.accessLifetime = accessLifetime;
    }

    String clientId() {
        return clientId;
    }

    void accessLifetime(Duration lifetime) {
        this.accessLifetime = lifetime;
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    synchronized String issueCode(String forClient, String forRedirectUri) {
        String code = newToken().substring(0, 40);
        codes.put(code, new Code(forClient, forRedirectUri, clock.instant().plus(Duration.ofMinutes(5))));
        return code;
    }

    synchronized TokenPair issuePair() {
        return issue(clientId);
    }

    private TokenPair issue(String forClient) {
        Instant now = clock.instant();
        String access = newToken();
        String refresh = newToken();
        Duration lifetime = accessLifetime;
        accessTokens.put(access, new Access(forClient, now, now.plus(lifetime)));
        liveRefreshTokens.values().removeIf(forClient::equals);
        liveRefreshTokens.put(refresh, forClient);
        return new TokenPair(access, refresh, lifetime.toSeconds(), now);
    }

    String scope() {
        return scope;
    }

    /** Handles a POST to the token endpoint with already-parsed fields. */
    synchronized GrantResult grant(String grantType, String reqClientId, String reqSecret, String code,
                                   String refreshToken, String reqRedirectUri) {
        tokenRequests.incrementAndGet();
        boolean refresh = "refresh_token".equals(grantType);
        if (refresh) {
            refreshRequests.incrementAndGet();
        }
        if (reqClientId == null || !clientId.equals(reqClientId) || !clientSecret.equals(reqSecret)) {
            return new Refused(401, "invalid_client", INVALID_CLIENT);
        }
        if ("authorization_code".equals(grantType)) {
            if (code == null) {
                return new Refused(400, "invalid_request", "The request is missing a required parameter: code.");
            }
            Code c = codes.remove(code);
            if (c == null || c.expiresAt.isBefore(clock.instant()) || !c.clientId.equals(reqClientId)
                || (c.redirectUri != null && !c.redirectUri.equals(reqRedirectUri))) {
                return new Refused(400, "invalid_grant", INVALID_GRANT);
            }
            return new Granted(issue(reqClientId));
        }
        if (refresh) {
            if (refreshToken == null) {
                return new Refused(400, "invalid_request",
                    "The request is missing a required parameter: refresh_token.");
            }
            String owner = liveRefreshTokens.remove(refreshToken);
            if (owner == null || !owner.equals(reqClientId)) {
                return new Refused(400, "invalid_grant", INVALID_GRANT);
            }
            successfulRefreshes.incrementAndGet();
            return new Granted(issue(reqClientId));
        }
        return new Refused(400, "unsupported_grant_type",
            "The authorization grant type is not supported by the authorization server.");
    }

    boolean clientMatches(String reqClientId, String reqSecret) {
        return clientId.equals(reqClientId) && clientSecret.equals(reqSecret);
    }

    /** Whether an access token is known, unrevoked and unexpired. */
    synchronized boolean valid(String token) {
        Access a = accessTokens.get(token);
        return a != null && clock.instant().isBefore(a.expiresAt);
    }

    synchronized Optional<Instant> createdAt(String token) {
        return Optional.ofNullable(accessTokens.get(token)).map(Access::createdAt);
    }

    /** Revokes a refresh or access token (and, for a refresh token, every access token of its app). */
    synchronized void revoke(String token) {
        String owner = liveRefreshTokens.remove(token);
        if (owner != null) {
            accessTokens.values().removeIf(a -> a.clientId.equals(owner));
        }
        accessTokens.remove(token);
    }

    /** Revokes every access and refresh token. */
    synchronized void revokeAll() {
        accessTokens.clear();
        liveRefreshTokens.clear();
    }

    /** Revokes every access token but keeps refresh tokens (forces a refresh). */
    synchronized void revokeAccessTokens() {
        accessTokens.clear();
    }

    long tokenRequests() {
        return tokenRequests.get();
    }

    long refreshRequests() {
        return refreshRequests.get();
    }

    long successfulRefreshes() {
        return successfulRefreshes.get();
    }
}
