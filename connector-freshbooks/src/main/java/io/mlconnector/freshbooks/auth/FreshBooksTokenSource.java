package io.mlconnector.freshbooks.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.auth.AccessToken;
import io.mlconnector.core.auth.CredentialConflictException;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.ReauthorizationRequiredException;
import io.mlconnector.core.auth.StoredCredential;
import io.mlconnector.core.auth.TokenSource;
import io.mlconnector.core.crypto.ConstantTime;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.freshbooks.json.FreshBooksJson;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A core {@link TokenSource} for FreshBooks' rotating, single-use refresh tokens. On each fetch it loads the grant
 * from the {@link CredentialStore}; reuses the stored access token when another node has already rotated; otherwise
 * refreshes, and saves the new pair with compare-and-set <em>before</em> returning the new access token.
 * <ul>
 *   <li>Within a node, core's {@link io.mlconnector.core.auth.TokenManager} makes concurrent callers share one
 *       refresh.</li>
 *   <li>Across nodes: if the compare-and-set loses, or the refresh is rejected after another node has stored a
 *       newer grant, the stored grant is re-read and its access token used instead of failing.</li>
 *   <li>A rejected grant raises {@link ReauthorizationRequiredException}; the dead refresh token is remembered so
 *       later calls fail at once without hitting the token endpoint again (until a new grant is stored).</li>
 * </ul>
 * The stored value is the small JSON of {@link StoredGrant}; wrap the store in core's EncryptedCredentialStore.
 */
public final class FreshBooksTokenSource implements TokenSource {
    /** The credential kind FreshBooks grants are stored under. */
    public static final String KIND = "freshbooks.oauth";
    private static final Logger LOG = LoggerFactory.getLogger(FreshBooksTokenSource.class);
    private static final int MAX_ROUNDS = 3;

    private final FreshBooksOAuth oauth;
    private final CredentialStore store;
    private final CredentialKey key;
    private final Clock clock;
    private final Duration reuseMargin;
    private final ObjectMapper mapper = FreshBooksJson.newObjectMapper();
    private final ReentrantLock lock = new ReentrantLock();
    private String lastIssued;
    private String deadRefreshToken;

    private FreshBooksTokenSource(Builder b) {
        this.oauth = Objects.requireNonNull(b.oauth, "oauth");
        this.store = Objects.requireNonNull(b.store, "store");
        this.key = Objects.requireNonNull(b.key, "key");
        this.clock = b.clock;
        this.reuseMargin = b.reuseMargin;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The credential key for a connection: kind {@value #KIND}. */
    public static CredentialKey keyFor(String connectionId) {
        return new CredentialKey(connectionId, KIND);
    }

    public CredentialKey key() {
        return key;
    }

    /**
     * Stores a grant obtained from {@link FreshBooksOAuth#exchangeCode} (replacing any stored one, e.g. after
     * re-authorization).
     */
    public void storeGrant(OAuthTokens tokens) {
        lock.lock();
        try {
            long version = store.load(key).map(StoredCredential::version).orElse(0L);
            store.compareAndSet(key, version, StoredGrant.encode(mapper, tokens));
            deadRefreshToken = null;
        } finally {
            lock.unlock();
        }
    }

    /** The grant currently stored, if any. */
    public Optional<OAuthTokens> storedGrant() {
        return store.load(key).map(c -> StoredGrant.decode(mapper, c.value()));
    }

    @Override
    public AccessToken fetchToken() {
        lock.lock();
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                StoredCredential current = store.load(key).orElseThrow(() -> new ReauthorizationRequiredException(
                        "no FreshBooks grant stored for " + key + ": authorize the app first"));
                OAuthTokens stored = StoredGrant.decode(mapper, current.value());
                if (isReusable(stored)) {
                    // another node (or the initial code exchange) stored a token this node has not handed out yet
                    lastIssued = stored.accessToken();
                    return stored.toAccessToken();
                }
                if (stored.refreshToken() == null) {
                    throw new ReauthorizationRequiredException("the stored FreshBooks grant for " + key
                            + " has no refresh token: authorize the app again");
                }
                if (deadRefreshToken != null && ConstantTime.equals(deadRefreshToken, stored.refreshToken())) {
                    throw new ReauthorizationRequiredException("the FreshBooks refresh token for " + key
                            + " was rejected earlier: authorize the app again");
                }
                OAuthTokens fresh;
                try {
                    fresh = oauth.refresh(stored.refreshToken());
                } catch (ReauthorizationRequiredException e) {
                    if (storeMovedPast(current)) {
                        LOG.info("FreshBooks refresh for {} was rejected but another node stored a newer grant; "
                                + "using it", key);
                        continue;
                    }
                    deadRefreshToken = stored.refreshToken();
                    throw e;
                }
                try {
                    store.compareAndSet(key, current.version(), StoredGrant.encode(mapper, fresh));
                } catch (CredentialConflictException e) {
                    LOG.warn("another node rotated the FreshBooks grant for {} at the same time; using the stored "
                            + "grant instead of ours", key);
                    continue;
                }
                lastIssued = fresh.accessToken();
                return fresh.toAccessToken();
            }
            throw new ConnectorException("could not settle the FreshBooks grant for " + key + " after " + MAX_ROUNDS
                    + " attempts (concurrent rotations)");
        } finally {
            lock.unlock();
        }
    }

    private boolean isReusable(OAuthTokens stored) {
        boolean fresh = !stored.accessToken().isEmpty()
                && clock.instant().plus(reuseMargin).isBefore(stored.expiresAt());
        return fresh && (lastIssued == null || !ConstantTime.equals(lastIssued, stored.accessToken()));
    }

    private boolean storeMovedPast(StoredCredential seen) {
        return store.load(key).map(c -> c.version() != seen.version()).orElse(false);
    }

    @Override
    public String toString() {
        return "FreshBooksTokenSource[" + key + "]";
    }

    /** Builder for {@link FreshBooksTokenSource}. */
    public static final class Builder {
        private FreshBooksOAuth oauth;
        private CredentialStore store;
        private CredentialKey key;
        private Clock clock = Clock.systemUTC();
        private Duration reuseMargin = Duration.ofMinutes(5);

        public Builder oauth(FreshBooksOAuth v) {
            oauth = v;
            return this;
        }

        public Builder store(CredentialStore v) {
            store = v;
            return this;
        }

        /** The credential key (kind {@value #KIND} by convention, see {@link #keyFor}). */
        public Builder key(CredentialKey v) {
            key = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v);
            return this;
        }

        /**
         * A stored access token is reused only if it stays valid this much longer (default 5 minutes, matching
         * TokenManager's prefetch window).
         */
        public Builder reuseMargin(Duration v) {
            reuseMargin = Objects.requireNonNull(v);
            return this;
        }

        public FreshBooksTokenSource build() {
            return new FreshBooksTokenSource(this);
        }
    }
}
