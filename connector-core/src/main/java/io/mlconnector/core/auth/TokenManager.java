package io.mlconnector.core.auth;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.TransportException;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.observe.ConnectorListeners;
import io.mlconnector.core.observe.TokenRefreshEvent;
import io.mlconnector.core.observe.TokenRefreshOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches an access token and renews it ahead of expiry, single-flight under any concurrency.
 *
 * <ul>
 *   <li>More than {@code prefetch} before expiry: the cached token is returned.</li>
 *   <li>Inside the prefetch window: one caller refreshes while the others keep using the still-valid token;
 *       if that early refresh fails, the valid token keeps being used.</li>
 *   <li>Inside the {@code stale} window (or with no token): callers block until one refresh completes and all
 *       share its result — the new token, or the same exception when it failed.</li>
 *   <li>{@link #execute(Function)} forces one refresh and one retry when the API answers 401.</li>
 * </ul>
 *
 * <p>Both windows scale with the token's lifetime (measured from when this manager obtained it): prefetch is at most
 * half of it and stale at most a quarter, so a 30-second token is renewed about every 15 seconds instead of on every
 * call. Each token's prefetch start is drawn at random in the latest fifth of its prefetch window ({@code jitter}), so
 * several nodes holding tokens of the same age do not all refresh in the same instant. A caller that must wait for
 * another caller's refresh waits at most {@code maxWait}, then gets a {@link TransportException}.
 *
 * <p>Every call of the token source is reported to the builder's {@link ConnectorListener}s as a
 * {@link TokenRefreshEvent} (refreshed, failed, or re-authorization required), timed by the manager's clock.
 */
public final class TokenManager {
    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final TokenSource source;
    private final Clock clock;
    private final Duration prefetch;
    private final Duration stale;
    private final Duration maxWait;
    private final RandomGenerator random;
    private final String system;
    private final ConnectorListeners listeners;
    private final Object lock = new Object();
    private final AtomicLong refreshes = new AtomicLong();
    private volatile AccessToken current;
    /** When the cached token enters its prefetch and stale windows; written with {@link #current}. */
    private volatile Instant refreshFrom = Instant.MIN;
    private volatile Instant staleFrom = Instant.MIN;
    /** The refresh in progress, if any; guarded by {@link #lock}. */
    private CompletableFuture<AccessToken> inFlight;

    private TokenManager(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.clock = b.clock;
        this.prefetch = b.prefetch;
        this.stale = b.stale;
        this.maxWait = b.maxWait;
        this.random = b.random;
        this.system = b.system;
        this.listeners = b.listeners;
        if (stale.compareTo(prefetch) > 0) {
            throw new IllegalArgumentException("stale window must not exceed the prefetch window");
        }
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
     * A valid token, refreshing first when the policy requires it.
     *
     * @return a valid token, refreshing first when the policy requires it
     * @throws io.mlconnector.core.error.ConnectorException when a refresh this caller had to wait for failed (every
     *         waiter of that refresh receives the same exception)
     */
    public AccessToken token() {
        while (true) {
            AccessToken t;
            Instant refreshAt;
            Instant staleAt;
            synchronized (lock) {
                t = current;
                refreshAt = refreshFrom;
                staleAt = staleFrom;
            }
            Instant now = clock.instant();
            if (t != null && now.isBefore(refreshAt)) {
                return t;
            }
            boolean early = t != null && now.isBefore(staleAt);
            CompletableFuture<AccessToken> flight;
            boolean leader = false;
            synchronized (lock) {
                if (current != t) {
                    continue; // another caller refreshed or invalidated meanwhile: look again
                }
                if (inFlight == null) {
                    inFlight = new CompletableFuture<>();
                    leader = true;
                }
                flight = inFlight;
            }
            if (early) {
                // prefetch window: one caller refreshes, the others keep the still-valid token
                if (!leader) {
                    return t;
                }
                try {
                    return refresh(flight, t);
                } catch (RuntimeException e) {
                    LOG.warn("early token refresh failed; keeping the current token until {}: {}",
                            t.expiresAt(), e.toString());
                    return t;
                }
            }
            // stale window or no token: everyone waits for the one refresh
            return leader ? refresh(flight, t) : await(flight, maxWait);
        }
    }

    private AccessToken refresh(CompletableFuture<AccessToken> flight, AccessToken previous) {
        AccessToken fresh;
        try {
            fresh = fetch();
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                inFlight = null;
            }
            flight.completeExceptionally(e);
            throw e;
        }
        if (previous != null && !fresh.expiresAt().isAfter(previous.expiresAt())) {
            LOG.warn("token source returned a token expiring at {}, no later than the previous one; "
                    + "its server may cache tokens longer than the prefetch window", fresh.expiresAt());
        }
        synchronized (lock) {
            cache(fresh, clock.instant());
            inFlight = null;
        }
        flight.complete(fresh);
        return fresh;
    }

    /** Caches {@code token} obtained at {@code obtainedAt} and plans its windows; called under {@link #lock}. */
    private void cache(AccessToken token, Instant obtainedAt) {
        Duration lifetime = Duration.between(obtainedAt, token.expiresAt());
        if (lifetime.isNegative()) {
            lifetime = Duration.ZERO;
        }
        Duration window = min(prefetch, lifetime.dividedBy(2));
        Duration staleWindow = min(stale, lifetime.dividedBy(4));
        // start somewhere in the latest fifth of the prefetch window, never inside the stale window
        long spreadNanos = window.minus(staleWindow).dividedBy(5).toNanos();
        long jitter = spreadNanos > 0 ? random.nextLong(spreadNanos + 1) : 0;
        current = token;
        refreshFrom = token.expiresAt().minus(window).plusNanos(jitter);
        staleFrom = token.expiresAt().minus(staleWindow);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static AccessToken await(CompletableFuture<AccessToken> flight, Duration maxWait) {
        try {
            return flight.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TransportException("gave up waiting " + maxWait.toMillis()
                    + " ms for another caller's token refresh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for a token refresh", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new ConnectorException("token refresh failed", cause);
        }
    }

    /**
     * Drops {@code rejected} if it is still the cached token, so the next {@link #token()} fetches a new one.
     * Concurrent callers that saw the same rejected token cause a single refresh.
     *
     * @param rejected the rejected token
     */
    public void invalidate(AccessToken rejected) {
        synchronized (lock) {
            if (current != null && current.equals(rejected)) {
                current = null;
                refreshFrom = Instant.MIN;
                staleFrom = Instant.MIN;
            }
        }
    }

    /**
     * Runs a call with a token; on {@link AuthenticationException} (HTTP 401) invalidates the token,
     * refreshes once and retries once.
     *
     * @param call the call
     * @param <T> the result type
     * @return what the call returned
     */
    public <T> T execute(Function<AccessToken, T> call) {
        AccessToken t = token();
        try {
            return call.apply(t);
        } catch (AuthenticationException e) {
            LOG.info("API answered 401; refreshing the token once and retrying");
            invalidate(t);
            return call.apply(token());
        }
    }

    /**
     * How many times the token source has been called.
     *
     * @return how many times the token source has been called
     */
    public long refreshCount() {
        return refreshes.get();
    }

    private AccessToken fetch() {
        refreshes.incrementAndGet();
        Instant started = clock.instant();
        AccessToken t;
        try {
            t = source.fetchToken();
        } catch (ReauthorizationRequiredException e) {
            LOG.warn("{} token refresh refused for good; a person must authorize the app again: {}", system,
                    e.getMessage());
            refreshed(TokenRefreshOutcome.REAUTHORIZATION_REQUIRED, started, e);
            throw e;
        } catch (RuntimeException | Error e) {
            refreshed(TokenRefreshOutcome.FAILED, started, e);
            throw e;
        }
        LOG.debug("obtained {}", t);
        refreshed(TokenRefreshOutcome.REFRESHED, started, null);
        return t;
    }

    private void refreshed(TokenRefreshOutcome outcome, Instant started, Throwable failure) {
        if (listeners.isEmpty()) {
            return;
        }
        Duration took = Duration.between(started, clock.instant());
        listeners.onTokenRefresh(new TokenRefreshEvent(system, outcome, took.isNegative() ? Duration.ZERO : took,
                failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    /** Builder for {@link TokenManager}. */
    public static final class Builder {
        private TokenSource source;
        private Clock clock = Clock.systemUTC();
        private Duration prefetch = Duration.ofMinutes(5);
        private Duration stale = Duration.ofMinutes(1);
        private Duration maxWait = Duration.ofSeconds(30);
        private RandomGenerator random = RandomGenerator.getDefault();
        private String system = "token";
        private ConnectorListeners listeners = ConnectorListeners.none();

        /**
         * Sets the source.
         *
         * @param value the source
         * @return this builder
         */
        public Builder source(TokenSource value) {
            this.source = value;
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How long before expiry one caller starts refreshing (default 5 minutes; at most half the token's
         * lifetime is used).
         *
         * @param value how long before expiry one caller starts refreshing
         * @return this builder
         */
        public Builder prefetch(Duration value) {
            this.prefetch = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How long before expiry every caller waits for a refresh (default 1 minute; at most a quarter of the
         * token's lifetime is used).
         *
         * @param value how long before expiry every caller waits for a refresh
         * @return this builder
         */
        public Builder stale(Duration value) {
            this.stale = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The longest a caller waits for another caller's refresh before it fails (default 30 seconds).
         *
         * @param value the longest a caller waits for another caller's refresh before it fails
         * @return this builder
         */
        public Builder maxWait(Duration value) {
            if (Objects.requireNonNull(value).isNegative() || value.isZero()) {
                throw new IllegalArgumentException("maxWait must be positive");
            }
            this.maxWait = value;
            return this;
        }

        /**
         * Source of the refresh jitter (default {@link RandomGenerator#getDefault()}); seed it in tests.
         *
         * @param value source of the refresh jitter
         * @return this builder
         */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The API's name in refresh events and logs, e.g. {@code freshbooks} (default {@code token}).
         *
         * @param value the name, not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is blank
         */
        public Builder system(String value) {
            if (Objects.requireNonNull(value, "system").isBlank()) {
                throw new IllegalArgumentException("system must not be blank");
            }
            this.system = value;
            return this;
        }

        /**
         * Adds a listener told of every token refresh; may be called several times.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(ConnectorListener value) {
            this.listeners = listeners.and(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Adds each of the listeners ({@link #listener}).
         *
         * @param values the listeners, in call order
         * @return this builder
         */
        public Builder listeners(java.util.Collection<? extends ConnectorListener> values) {
            values.forEach(this::listener);
            return this;
        }

        /**
         * Builds the {@code TokenManager} from the settings given so far.
         *
         * @return the new {@code TokenManager}
         */
        public TokenManager build() {
            return new TokenManager(this);
        }
    }
}
