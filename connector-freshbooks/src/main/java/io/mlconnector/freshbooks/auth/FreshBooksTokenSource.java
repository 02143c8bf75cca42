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
import io.mlconnector.core.http.Sleeper;
import io.mlconnector.freshbooks.internal.json.FreshBooksJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A core {@link TokenSource} for FreshBooks' rotating, single-use refresh tokens. On each fetch it loads the grant
 * from the {@link CredentialStore}; reuses the stored access token when another node has already rotated; otherwise
 * claims the refresh in the store, refreshes, and saves the new pair with compare-and-set <em>before</em> returning
 * the new access token.
 * <ul>
 *   <li>Within a node, core's {@link io.mlconnector.core.auth.TokenManager} makes concurrent callers share one
 *       refresh (and this source serializes its own callers).</li>
 *   <li>Across nodes, only one refresh reaches FreshBooks: a node first writes a claim into the stored grant
 *       (compare-and-set; {@code refreshing_by}/{@code refreshing_until}), and only the node whose claim was saved
 *       calls the token endpoint. The others wait for the new pair to appear in the store (polling it, at most until
 *       the claim lapses, {@link Builder#refreshClaimTtl}) and use it. A node that dies while holding a claim delays
 *       the others' refresh until the claim lapses.</li>
 *   <li>If the final compare-and-set still loses (a claim lapsed under a slow refresh), or the refresh is rejected
 *       after another node has stored a newer grant, the stored grant is re-read and its access token used instead
 *       of failing.</li>
 *   <li>A rejected grant raises {@link ReauthorizationRequiredException}; the dead refresh token is remembered so
 *       later calls fail at once without hitting the token endpoint again (until a new grant is stored).</li>
 *   <li>If saving a freshly rotated pair fails (disk full, database failover), the pair is not lost: it is kept in
 *       memory and its access token served, the failure is logged at ERROR, and the save is retried (a few times at
 *       once with backoff, then on later calls and {@link #retryUnsavedGrant()} with growing pauses) until the store
 *       holds it. Meanwhile a refresh uses the kept pair's refresh token, never the spent one the store still
 *       holds.</li>
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
    private final Duration claimTtl;
    private final Duration claimPoll;
    private final Sleeper sleeper;
    private final String nodeId = UUID.randomUUID().toString();
    private final ReentrantLock lock = new ReentrantLock();
    private final int saveAttempts;
    private final Duration saveBackoff;
    private String lastIssued;
    private String deadRefreshToken;
    /** A rotated pair the store does not hold yet, and the spent refresh token the store still holds instead. */
    private OAuthTokens unsaved;
    private String spentInStore;
    private int failedSaves;
    private Instant nextSaveAttempt = Instant.MIN;

    private FreshBooksTokenSource(Builder b) {
        this.oauth = Objects.requireNonNull(b.oauth, "oauth");
        this.store = Objects.requireNonNull(b.store, "store");
        this.key = Objects.requireNonNull(b.key, "key");
        this.clock = b.clock;
        this.reuseMargin = b.reuseMargin;
        this.claimTtl = b.claimTtl;
        this.claimPoll = b.claimPoll;
        this.sleeper = b.sleeper;
        this.saveAttempts = b.saveAttempts;
        this.saveBackoff = b.saveBackoff;
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
     * The credential key for a connection: kind {@value #KIND}.
     *
     * @param connectionId the connection's id
     * @return the credential key for a connection: kind {@value #KIND}
     */
    public static CredentialKey keyFor(String connectionId) {
        return new CredentialKey(connectionId, KIND);
    }

    /**
     * The key.
     *
     * @return the key
     */
    public CredentialKey key() {
        return key;
    }

    /**
     * Stores a grant obtained from {@link FreshBooksOAuth#exchangeCode} (replacing any stored one, e.g. after
     * re-authorization).
     *
     * @param tokens the o auth tokens
     */
    public void storeGrant(OAuthTokens tokens) {
        lock.lock();
        try {
            long version = store.load(key).map(StoredCredential::version).orElse(0L);
            store.compareAndSet(key, version, StoredGrant.encode(mapper, tokens));
            deadRefreshToken = null;
            unsaved = null; // a new authorization replaces whatever was waiting to be saved
        } finally {
            lock.unlock();
        }
    }

    /**
     * The grant currently stored, if any.
     *
     * @return the grant currently stored, if any
     */
    public Optional<OAuthTokens> storedGrant() {
        return store.load(key).map(c -> StoredGrant.decode(mapper, c.value()));
    }

    /**
     * Whether a rotated pair is held in memory only, because saving it to the store has failed so far.
     *
     * @return whether a rotated pair is held in memory only, because saving it to the store has failed so far
     */
    public boolean hasUnsavedGrant() {
        lock.lock();
        try {
            return unsaved != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tries now to save a rotated pair that the store does not hold yet (see {@link #hasUnsavedGrant()}); a host can
     * call it from its scheduler.
     *
     * @return true when nothing is left unsaved
     */
    public boolean retryUnsavedGrant() {
        lock.lock();
        try {
            if (unsaved != null) {
                saveUnsaved(1);
            }
            return unsaved == null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public AccessToken fetchToken() {
        lock.lock();
        try {
            if (unsaved != null) {
                AccessToken served = serveUnsaved();
                if (served != null) {
                    return served;
                }
            }
            Duration waited = Duration.ZERO;
            int rounds = 0;
            while (rounds < MAX_ROUNDS) {
                StoredCredential current = store.load(key).orElseThrow(() -> new ReauthorizationRequiredException(
                        "no FreshBooks grant stored for " + key + ": authorize the app first"));
                StoredGrant grant = StoredGrant.read(mapper, current.value());
                OAuthTokens stored = grant.tokens();
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
                Instant now = clock.instant();
                if (grant.claimedByOther(nodeId, now) && waited.compareTo(claimTtl) < 0) {
                    // another node is refreshing this grant: wait for its new pair rather than spend the token twice
                    Duration pause = Duration.between(now, grant.claimUntil());
                    pause = pause.compareTo(claimPoll) > 0 ? claimPoll : pause;
                    pause(pause);
                    waited = waited.plus(pause.isZero() || pause.isNegative() ? claimPoll : pause);
                    continue;
                }
                rounds++;
                StoredCredential claimed;
                try {
                    claimed = store.compareAndSet(key, current.version(),
                            StoredGrant.encodeClaimed(mapper, stored, nodeId, now.plus(claimTtl)));
                } catch (CredentialConflictException e) {
                    continue; // the grant changed since we read it (another node claimed or rotated): look again
                }
                OAuthTokens fresh;
                try {
                    fresh = oauth.refresh(stored.refreshToken());
                } catch (ReauthorizationRequiredException e) {
                    if (storeMovedPast(claimed)) {
                        LOG.info("FreshBooks refresh for {} was rejected but another node stored a newer grant; "
                                + "using it", key);
                        continue;
                    }
                    deadRefreshToken = stored.refreshToken();
                    release(claimed, stored);
                    throw e;
                } catch (RuntimeException e) {
                    release(claimed, stored);
                    throw e;
                }
                try {
                    store.compareAndSet(key, claimed.version(), StoredGrant.encode(mapper, fresh));
                } catch (CredentialConflictException e) {
                    // our claim lapsed during a slow refresh and the stored grant changed meanwhile
                    if (!saveOverSpent(stored.refreshToken(), fresh)) {
                        LOG.warn("another node rotated the FreshBooks grant for {} while this node's claim had "
                                + "lapsed; using the stored grant instead of ours", key);
                        continue;
                    }
                } catch (RuntimeException e) {
                    // FreshBooks has rotated: the stored refresh token is spent, and this pair is the only live one
                    keepUnsaved(fresh, stored.refreshToken(), e);
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

    /** Keeps a rotated pair whose save failed, reports it loudly and retries the save at once a few times. */
    private void keepUnsaved(OAuthTokens fresh, String spent, RuntimeException failure) {
        unsaved = fresh;
        spentInStore = spent;
        failedSaves = 0;
        nextSaveAttempt = Instant.MIN;
        LOG.error("FreshBooks rotated the grant of {} but saving the new pair failed ({}); the pair is kept in memory "
                + "and its access token used while the save is retried. Until it is saved, a restart of this node "
                + "would need a person to authorize the app again", key, failure.toString());
        saveUnsaved(saveAttempts);
    }

    /** Serves the kept pair (refreshing with its own refresh token when its access token is used up). */
    private AccessToken serveUnsaved() {
        if (!clock.instant().isBefore(nextSaveAttempt)) {
            saveUnsaved(1);
        }
        if (unsaved == null) {
            return null; // saved now: the store holds it, the usual path serves it
        }
        boolean handedOut = lastIssued != null && ConstantTime.equals(lastIssued, unsaved.accessToken());
        if (!handedOut && clock.instant().plus(reuseMargin).isBefore(unsaved.expiresAt())) {
            lastIssued = unsaved.accessToken();
            return unsaved.toAccessToken();
        }
        if (deadRefreshToken != null && ConstantTime.equals(deadRefreshToken, unsaved.refreshToken())) {
            throw new ReauthorizationRequiredException("the FreshBooks refresh token for " + key
                    + " was rejected earlier: authorize the app again");
        }
        OAuthTokens fresh;
        try {
            fresh = oauth.refresh(unsaved.refreshToken()); // the live token; the stored one is spent
        } catch (ReauthorizationRequiredException e) {
            deadRefreshToken = unsaved.refreshToken();
            throw e;
        }
        unsaved = fresh;
        saveUnsaved(saveAttempts);
        lastIssued = fresh.accessToken();
        return fresh.toAccessToken();
    }

    /**
     * Tries up to {@code attempts} times (pausing with backoff between them) to put the kept pair into the store, in
     * place of the spent grant it still holds; gives the pair up only when the store holds another grant (a new
     * authorization). After failing, the next try waits a growing pause (up to 5 minutes).
     */
    private void saveUnsaved(int attempts) {
        for (int i = 0; i < attempts && unsaved != null; i++) {
            try {
                Optional<StoredCredential> current = store.load(key);
                long version = current.map(StoredCredential::version).orElse(0L);
                if (current.isPresent()) {
                    String held = StoredGrant.read(mapper, current.get().value()).refreshToken();
                    if (held != null && !ConstantTime.equals(held, spentInStore)) {
                        LOG.warn("the store now holds another FreshBooks grant for {} (a new authorization?); "
                                + "the unsaved pair is given up", key);
                        unsaved = null;
                        return;
                    }
                }
                store.compareAndSet(key, version, StoredGrant.encode(mapper, unsaved));
                LOG.warn("the rotated FreshBooks grant of {} is saved now, after {} failed attempt(s)", key,
                        failedSaves + i + 1);
                unsaved = null;
                failedSaves = 0;
                return;
            } catch (CredentialConflictException e) {
                // changed under us: look again
            } catch (RuntimeException e) {
                LOG.error("saving the rotated FreshBooks grant of {} failed again ({}); still kept in memory", key,
                        e.toString());
                if (i + 1 < attempts) {
                    pause(saveBackoff.multipliedBy(1L << Math.min(i, 10)));
                }
            }
        }
        if (unsaved != null) {
            failedSaves++;
            Duration wait = saveBackoff.multipliedBy(1L << Math.min(failedSaves + attempts, 20));
            nextSaveAttempt = clock.instant().plus(wait.compareTo(MAX_SAVE_PAUSE) > 0 ? MAX_SAVE_PAUSE : wait);
        }
    }

    private static final Duration MAX_SAVE_PAUSE = Duration.ofMinutes(5);

    /**
     * Saves our freshly rotated pair after the store changed under a lapsed claim, if the store still holds the
     * refresh token we spent (nobody else rotated: ours is the live pair and must not be lost); false when another
     * node's rotation is stored.
     */
    private boolean saveOverSpent(String spent, OAuthTokens fresh) {
        for (int attempt = 0; attempt < MAX_ROUNDS; attempt++) {
            Optional<StoredCredential> current = store.load(key);
            if (current.isEmpty()) {
                return false;
            }
            String held = StoredGrant.read(mapper, current.get().value()).refreshToken();
            if (held == null || !ConstantTime.equals(held, spent)) {
                return false;
            }
            try {
                store.compareAndSet(key, current.get().version(), StoredGrant.encode(mapper, fresh));
                return true;
            } catch (CredentialConflictException e) {
                // changed again: look again
            }
        }
        return false;
    }

    /** Gives the claimed grant back unchanged after a failed refresh, so the next attempt need not wait. */
    private void release(StoredCredential claimed, OAuthTokens stored) {
        try {
            store.compareAndSet(key, claimed.version(), StoredGrant.encode(mapper, stored));
        } catch (RuntimeException e) {
            LOG.debug("refresh claim on {} not released ({}); it lapses by itself", key, e.toString());
        }
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted while waiting for another node's FreshBooks refresh of " + key);
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
        private Duration claimTtl = Duration.ofMinutes(1);
        private Duration claimPoll = Duration.ofMillis(50);
        private Sleeper sleeper = Sleeper.system();
        private int saveAttempts = 3;
        private Duration saveBackoff = Duration.ofMillis(200);

        /**
         * Sets the OAuth.
         *
         * @param v the OAuth
         * @return this builder
         */
        public Builder oauth(FreshBooksOAuth v) {
            oauth = v;
            return this;
        }

        /**
         * Sets the store.
         *
         * @param v the store
         * @return this builder
         */
        public Builder store(CredentialStore v) {
            store = v;
            return this;
        }

        /**
         * The credential key (kind {@value #KIND} by convention, see {@link #keyFor}).
         *
         * @param v the credential key (kind {@value #KIND} by convention, see {@link #keyFor})
         * @return this builder
         */
        public Builder key(CredentialKey v) {
            key = v;
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
         * A stored access token is reused only if it stays valid this much longer (default 5 minutes, matching
         * TokenManager's prefetch window).
         *
         * @param v a stored access token is reused only if it stays valid this much longer
         * @return this builder
         */
        public Builder reuseMargin(Duration v) {
            reuseMargin = Objects.requireNonNull(v);
            return this;
        }

        /**
         * How long a node's refresh claim keeps the other nodes waiting (default 1 minute): longer than a token
         * request can take, short enough that a node dying mid-refresh does not stall the others for long.
         *
         * @param v how long a node's refresh claim keeps the other nodes waiting: longer than a token request can take,
         *     short enough that a node dying mid-refresh does not stall the others for long
         * @return this builder
         */
        public Builder refreshClaimTtl(Duration v) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("refreshClaimTtl must be positive");
            }
            claimTtl = v;
            return this;
        }

        /**
         * How often a waiting node looks for the new pair another node is fetching (default 50 ms).
         *
         * @param v how often a waiting node looks for the new pair another node is fetching
         * @return this builder
         */
        public Builder refreshClaimPoll(Duration v) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("refreshClaimPoll must be positive");
            }
            claimPoll = v;
            return this;
        }

        /**
         * How a waiting node waits (tests pass one that advances a fake clock).
         *
         * @param v how a waiting node waits (tests pass one that advances a fake clock)
         * @return this builder
         */
        public Builder sleeper(Sleeper v) {
            sleeper = Objects.requireNonNull(v);
            return this;
        }

        /**
         * How often the save of a freshly rotated pair is tried at once before the pair is kept in memory and the
         * save left to later calls (default 3).
         *
         * @param v how often the save of a freshly rotated pair is tried at once before the pair is kept in memory and
         *     the save left to later calls
         * @return this builder
         */
        public Builder saveAttempts(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("saveAttempts must be at least 1");
            }
            saveAttempts = v;
            return this;
        }

        /**
         * The first pause between two save attempts; it doubles each time (default 200 ms).
         *
         * @param v the first pause between two save attempts
         * @return this builder
         */
        public Builder saveBackoff(Duration v) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("saveBackoff must be positive");
            }
            saveBackoff = v;
            return this;
        }

        /**
         * Builds the {@code FreshBooksTokenSource} from the settings given so far.
         *
         * @return the new {@code FreshBooksTokenSource}
         */
        public FreshBooksTokenSource build() {
            return new FreshBooksTokenSource(this);
        }
    }
}
