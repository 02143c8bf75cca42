package io.mlconnector.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.PermissionException;
import io.mlconnector.core.error.ServerException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenManagerTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(T0);
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "token-test");
        t.setDaemon(true);
        threads.add(t);
        return t;
    });

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** A token source that hands out token-1, token-2, … each valid for an hour from the fake clock's now. */
    private final class ScriptedSource implements TokenSource {
        final AtomicInteger calls = new AtomicInteger();
        volatile CountDownLatch entered = new CountDownLatch(0);
        volatile CountDownLatch release = new CountDownLatch(0);
        volatile Supplier<RuntimeException> failure;

        @Override
        public AccessToken fetchToken() {
            int n = calls.incrementAndGet();
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("test never released the token source");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            Supplier<RuntimeException> f = failure;
            if (f != null) {
                throw f.get();
            }
            return new AccessToken("token-" + n, clock.instant().plus(LIFETIME));
        }

        /** The next fetch blocks inside the source until {@link #release} opens. */
        void holdNextFetch() {
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }
    }

    private final ScriptedSource source = new ScriptedSource();
    /** No jitter: every token's prefetch window starts exactly {@code prefetch} before expiry. */
    private static final java.util.random.RandomGenerator NO_JITTER = () -> 0L;

    private final TokenManager manager = TokenManager.builder().source(source).clock(clock).random(NO_JITTER).build();

    private static ServerException serverDown() {
        return new ServerException(ApiError.of(503, "token endpoint down"));
    }

    private void awaitWaiting(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> threads.stream()
                .filter(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)
                .count() >= count);
    }

    @Test
    void token_absent_fetchesOnce_thenServesTheCachedToken() {
        AccessToken first = manager.token();
        clock.advance(Duration.ofMinutes(54));
        AccessToken again = manager.token();

        assertThat(first.value()).isEqualTo("token-1");
        assertThat(again).isSameAs(first);
        assertThat(source.calls.get()).isEqualTo(1);
        assertThat(manager.refreshCount()).isEqualTo(1);
    }

    @Test
    void token_insidePrefetchWindow_oneCallerRefreshes_othersKeepTheOldToken() throws Exception {
        AccessToken old = manager.token();
        clock.advance(LIFETIME.minus(Duration.ofMinutes(4))); // 4 min left: prefetch (5) yes, stale (1) no
        source.holdNextFetch();

        Future<AccessToken> refresher = pool.submit(manager::token);
        assertThat(source.entered.await(10, TimeUnit.SECONDS)).isTrue();
        // while the refresh is in flight, other callers are not held up and keep the valid token
        AccessToken duringRefresh = pool.submit(manager::token).get(10, TimeUnit.SECONDS);
        AccessToken alsoDuring = manager.token();
        assertThat(duringRefresh).isSameAs(old);
        assertThat(alsoDuring).isSameAs(old);
        assertThat(source.calls.get()).isEqualTo(2);

        source.release.countDown();
        AccessToken fresh = refresher.get(10, TimeUnit.SECONDS);

        assertThat(fresh.value()).isEqualTo("token-2");
        assertThat(manager.token()).isSameAs(fresh);
        assertThat(manager.token()).isSameAs(fresh);
        assertThat(source.calls.get()).isEqualTo(2);
    }

    @Test
    void token_insidePrefetchWindow_failedRefresh_keepsTheStillValidToken() {
        AccessToken old = manager.token();
        clock.advance(LIFETIME.minus(Duration.ofMinutes(3)));
        source.failure = TokenManagerTest::serverDown;

        assertThat(manager.token()).isSameAs(old);
        assertThat(manager.token()).isSameAs(old);
        assertThat(source.calls.get()).isEqualTo(3); // each call in the window may try again; none throws

        source.failure = null;
        AccessToken fresh = manager.token();
        assertThat(fresh.value()).isEqualTo("token-4");
        assertThat(manager.token()).isSameAs(fresh);
    }

    @Test
    void token_insideStaleWindow_blocksEveryCallerUntilTheRefreshCompletes() throws Exception {
        AccessToken old = manager.token();
        clock.advance(LIFETIME.minus(Duration.ofSeconds(30))); // inside the 1-minute stale window
        source.holdNextFetch();

        Future<AccessToken> leader = pool.submit(manager::token);
        assertThat(source.entered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<AccessToken> waiter = pool.submit(manager::token);
        awaitWaiting(2); // the leader inside the source, the waiter on the refresh
        assertThat(waiter).isNotDone();

        source.release.countDown();

        AccessToken fromLeader = leader.get(10, TimeUnit.SECONDS);
        AccessToken fromWaiter = waiter.get(10, TimeUnit.SECONDS);
        assertThat(fromLeader.value()).isEqualTo("token-2");
        assertThat(fromWaiter).isSameAs(fromLeader).isNotEqualTo(old);
        assertThat(source.calls.get()).isEqualTo(2);
    }

    @Test
    void token_insideStaleWindow_failedRefresh_throws() {
        manager.token();
        clock.advance(LIFETIME.minus(Duration.ofSeconds(30)));
        source.failure = TokenManagerTest::serverDown;

        assertThatThrownBy(manager::token).isInstanceOf(ServerException.class);
    }

    @Test
    void token_expired_isReplaced() {
        AccessToken old = manager.token();
        clock.advance(LIFETIME.plusMinutes(10));

        AccessToken fresh = manager.token();

        assertThat(fresh).isNotEqualTo(old);
        assertThat(fresh.isExpiredAt(clock.instant())).isFalse();
        assertThat(source.calls.get()).isEqualTo(2);
    }

    @Test
    void sixtyFourThreads_atAnAbsentToken_causeExactlyOneFetch() throws Exception {
        assertSingleFlight(64);
    }

    @Test
    void sixtyFourThreads_atAnExpiredToken_causeExactlyOneFetch() throws Exception {
        manager.token();
        clock.advance(LIFETIME.plusSeconds(1));

        assertSingleFlight(64);
    }

    private void assertSingleFlight(int n) throws Exception {
        int before = source.calls.get();
        source.holdNextFetch();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return manager.token();
            }));
        }
        awaitWaiting(n); // all parked on the start latch
        start.countDown();
        assertThat(source.entered.await(10, TimeUnit.SECONDS)).isTrue();
        awaitWaiting(n); // one inside the source, the others waiting for its result
        source.release.countDown();

        List<AccessToken> tokens = new ArrayList<>();
        for (Future<AccessToken> f : results) {
            tokens.add(f.get(10, TimeUnit.SECONDS));
        }
        assertThat(source.calls.get() - before).isEqualTo(1);
        assertThat(tokens).allMatch(t -> t == tokens.get(0));
        assertThat(tokens.get(0).value()).isEqualTo("token-" + (before + 1));
    }

    @Test
    void waitersOfAFailedRefresh_allGetTheSameError_andOnlyOneFetchIsMade() throws Exception {
        source.holdNextFetch();
        source.failure = TokenManagerTest::serverDown;
        int n = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return manager.token();
            }));
        }
        awaitWaiting(n);
        start.countDown();
        assertThat(source.entered.await(10, TimeUnit.SECONDS)).isTrue();
        awaitWaiting(n);
        source.release.countDown();

        for (Future<AccessToken> f : results) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ServerException.class);
        }
        assertThat(source.calls.get()).isEqualTo(1);

        source.failure = null;
        assertThat(manager.token().value()).isEqualTo("token-2");
    }

    @Test
    void execute_on401_invalidatesRefreshesOnceAndRetriesOnce() {
        List<String> seen = new ArrayList<>();

        String result = manager.execute(token -> {
            seen.add(token.value());
            if (seen.size() == 1) {
                throw new AuthenticationException(ApiError.of(401, "token revoked"));
            }
            return "ok with " + token.value();
        });

        assertThat(result).isEqualTo("ok with token-2");
        assertThat(seen).containsExactly("token-1", "token-2");
        assertThat(source.calls.get()).isEqualTo(2);
        assertThat(manager.token().value()).isEqualTo("token-2");
    }

    @Test
    void execute_second401_propagates_withoutAThirdAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> manager.execute(token -> {
            attempts.incrementAndGet();
            throw new AuthenticationException(ApiError.of(401, "nope"));
        })).isInstanceOf(AuthenticationException.class);

        assertThat(attempts.get()).isEqualTo(2);
        assertThat(source.calls.get()).isEqualTo(2);
    }

    @Test
    void execute_otherErrors_areNeitherRetriedNorRefreshed() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> manager.execute(token -> {
            attempts.incrementAndGet();
            throw new PermissionException(ApiError.of(403, "forbidden"));
        })).isInstanceOf(PermissionException.class);

        assertThat(attempts.get()).isEqualTo(1);
        assertThat(source.calls.get()).isEqualTo(1);
    }

    @Test
    void concurrent401s_onTheSameToken_causeOneRefresh() throws Exception {
        AccessToken first = manager.token();
        int n = 8;
        CountDownLatch allFailed = new CountDownLatch(n);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> manager.execute(token -> {
                if (token.equals(first)) {
                    allFailed.countDown();
                    try {
                        allFailed.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new AuthenticationException(ApiError.of(401, "expired early"));
                }
                return token.value();
            })));
        }
        for (Future<String> f : results) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("token-2");
        }
        assertThat(source.calls.get()).isEqualTo(2);
    }

    /** A clock that stops one chosen thread the first time it reads the time, to force an interleaving. */
    private static final class PausingClock extends java.time.Clock {
        final MutableClock delegate;
        volatile Thread pauseThread;
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);

        PausingClock(MutableClock delegate) {
            this.delegate = delegate;
        }

        @Override
        public Instant instant() {
            if (Thread.currentThread() == pauseThread) {
                pauseThread = null;
                paused.countDown();
                try {
                    resume.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.instant();
        }

        @Override
        public java.time.ZoneId getZone() {
            return delegate.getZone();
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void earlyCaller_racingAnInvalidationAndRefresh_neverGetsNull() throws Exception {
        PausingClock pausing = new PausingClock(clock);
        TokenManager m = TokenManager.builder().source(source).clock(pausing).build();
        AccessToken old = m.token();
        clock.advance(LIFETIME.minus(Duration.ofMinutes(3))); // prefetch window

        // A reads the cached token, then is paused right before it looks at the clock
        Future<AccessToken> a = pool.submit(() -> {
            pausing.pauseThread = Thread.currentThread();
            return m.token();
        });
        assertThat(pausing.paused.await(10, TimeUnit.SECONDS)).isTrue();
        // B: the API rejected the token; B invalidates it and starts a refresh that is still in flight
        source.holdNextFetch();
        m.invalidate(old);
        Future<AccessToken> b = pool.submit(m::token);
        assertThat(source.entered.await(10, TimeUnit.SECONDS)).isTrue();
        // A resumes while B's refresh is in flight
        pausing.resume.countDown();
        awaitWaiting(2);
        source.release.countDown();

        AccessToken fromA = a.get(10, TimeUnit.SECONDS);
        AccessToken fromB = b.get(10, TimeUnit.SECONDS);
        assertThat(fromB.value()).isEqualTo("token-2");
        assertThat(fromA).isSameAs(fromB); // not null, and not the rejected token
        assertThat(source.calls.get()).isEqualTo(2);
    }

    @Test
    void invalidate_ofAnOlderToken_keepsTheCurrentOne() {
        AccessToken first = manager.token();
        manager.invalidate(first);
        AccessToken second = manager.token();

        manager.invalidate(first);

        assertThat(manager.token()).isSameAs(second);
        assertThat(source.calls.get()).isEqualTo(2);
    }

    @Test
    void builder_rejectsAStaleWindowLongerThanThePrefetchWindow() {
        assertThatThrownBy(() -> TokenManager.builder().source(source).clock(clock)
                .prefetch(Duration.ofMinutes(1)).stale(Duration.ofMinutes(2)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customWindows_areHonoured() {
        TokenManager custom = TokenManager.builder().source(source).clock(clock)
                .prefetch(Duration.ofMinutes(20)).stale(Duration.ofMinutes(10)).random(NO_JITTER).build();
        AccessToken first = custom.token();
        clock.advance(Duration.ofMinutes(39)); // 21 min left: still fresh
        assertThat(custom.token()).isSameAs(first);
        clock.advance(Duration.ofMinutes(2)); // 19 min left: early refresh
        assertThat(custom.token().value()).isEqualTo("token-2");
    }

    @Test
    void accessToken_toString_masksTheValue() {
        AccessToken t = new AccessToken("eyJhbGciOiJSUzI1NiJ9.secret-part.sig9", T0);

        assertThat(t.toString()).doesNotContain("eyJhbGciOiJSUzI1NiJ9").doesNotContain("secret-part")
                .contains("sig9").contains(T0.toString());
        assertThat(t.authorizationHeader()).isEqualTo("Bearer eyJhbGciOiJSUzI1NiJ9.secret-part.sig9");
        assertThat(t.isExpiredAt(T0)).isTrue();
        assertThat(t.isExpiredAt(T0.minusSeconds(1))).isFalse();
    }

    /** Hands out tokens that live {@code lifetime} from the fake clock's now, without blocking. */
    private TokenSource shortLived(Duration lifetime, AtomicInteger calls) {
        return () -> new AccessToken("short-" + calls.incrementAndGet(), clock.instant().plus(lifetime));
    }

    @Test
    void tokensShorterThanThePrefetchWindow_areRenewedAboutEveryHalfLifetime_notOnEveryCall() {
        AtomicInteger calls = new AtomicInteger();
        TokenManager m = TokenManager.builder().source(shortLived(Duration.ofSeconds(30), calls)).clock(clock)
                .random(new java.util.SplittableRandom(7)).build();

        for (int i = 0; i < 256; i++) { // 256 calls over 64 seconds with 30-second tokens
            assertThat(m.token().isExpiredAt(clock.instant())).isFalse();
            clock.advance(Duration.ofMillis(250));
        }

        // a refresh every 12-15 seconds: at most 6 tokens for 64 seconds (every call refreshed before: 251 of 256)
        assertThat(calls.get()).isBetween(5, 6);
    }

    @Test
    void theRefreshStart_isSpreadOverTheLatestFifthOfThePrefetchWindow() {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> leftAtRefresh = new ArrayList<>();
        for (long seed = 0; seed < 40; seed++) {
            clock.set(T0);
            TokenManager m = TokenManager.builder().source(shortLived(LIFETIME, calls)).clock(clock)
                    .random(new java.util.SplittableRandom(seed)).build();
            AccessToken first = m.token();
            // walk second by second until this manager refreshes early
            while (m.token() == first) {
                clock.advance(Duration.ofSeconds(1));
            }
            leftAtRefresh.add(Duration.between(clock.instant(), first.expiresAt()));
        }

        // prefetch 5 min, stale 1 min: the start lies between 5:00 and 4:12 before expiry, and differs between nodes
        assertThat(leftAtRefresh).allMatch(d -> d.compareTo(Duration.ofMinutes(5)) <= 0
                && d.compareTo(Duration.ofSeconds(251)) >= 0);
        assertThat(leftAtRefresh.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void aCallerWaitingForAnotherCallersRefresh_givesUpAfterMaxWait() throws Exception {
        TokenManager bounded = TokenManager.builder().source(source).clock(clock).random(NO_JITTER)
                .maxWait(Duration.ofMillis(200)).build();
        source.holdNextFetch();
        Future<AccessToken> leader = pool.submit(bounded::token);
        assertThat(source.entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(bounded::token).isInstanceOf(io.mlconnector.core.error.TransportException.class)
                .hasMessageContaining("200 ms");

        source.release.countDown();
        assertThat(leader.get(10, TimeUnit.SECONDS).value()).isEqualTo("token-1");
        assertThat(bounded.token().value()).isEqualTo("token-1");
    }

    @Test
    void builder_rejectsANonPositiveMaxWait() {
        assertThatThrownBy(() -> TokenManager.builder().maxWait(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
