package io.mlconnector.freshbooks.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.ReauthorizationRequiredException;
import io.mlconnector.core.auth.StoredCredential;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.internal.json.FreshBooksJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rotating refresh tokens: the new pair is stored before the new access token is used; concurrent callers cause one
 * refresh; a rejected grant needs re-authorization and is not retried; losing a compare-and-set to another node uses
 * that node's grant.
 */
class FreshBooksTokenSourceTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final String ACCOUNT = "6BApk";
    private static final String TOKEN = "/auth/oauth/token";
    private static final String API = "/accounting/account/" + ACCOUNT + "/items/items/1";
    private static final String ITEM = "{\"response\":{\"result\":{\"item\":{\"id\":1,\"name\":\"x\"}}}}";

    /** What the API saw: the Authorization header and the refresh token the store held at that instant. */
    private static final List<String[]> SEEN = new CopyOnWriteArrayList<>();
    private static volatile CredentialStore observedStore;
    private static volatile Consumer<ServeEvent> onTokenRequest = e -> { };

    @RegisterExtension
    static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .extensions(new ServeEventListener() {
                @Override
                public void beforeMatch(ServeEvent event, Parameters parameters) {
                    String url = event.getRequest().getUrl();
                    if (url.startsWith(TOKEN)) {
                        onTokenRequest.accept(event);
                    } else if (observedStore != null) {
                        String stored = observedStore.load(KEY).map(c -> grant(c).refreshToken()).orElse(null);
                        SEEN.add(new String[] {event.getRequest().getHeader("Authorization"), stored});
                    }
                }

                @Override
                public String getName() {
                    return "store-observer";
                }
            })).build();

    private static final CredentialKey KEY = FreshBooksTokenSource.keyFor("acme");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private InMemoryCredentialStore store;

    @BeforeEach
    void setUp() {
        store = new InMemoryCredentialStore();
        SEEN.clear();
        onTokenRequest = e -> { };
        observedStore = store;
    }

    @AfterEach
    void tearDown() {
        observedStore = null;
    }

    private static OAuthTokens grant(StoredCredential c) {
        return StoredGrant.decode(FreshBooksJson.newObjectMapper(), c.value());
    }

    private FreshBooksOAuth oauth() {
        return FreshBooksOAuth.builder().clientId("cid").clientSecret("s3cret").redirectUri("https://app.example.com/cb")
                .apiBaseUrl(WM.baseUrl()).clock(clock).build();
    }

    private FreshBooksTokenSource source(CredentialStore s) {
        return FreshBooksTokenSource.builder().oauth(oauth()).store(s).key(KEY).clock(clock).build();
    }

    private FreshBooksClient client(FreshBooksTokenSource source) {
        return FreshBooksClient.builder().apiBaseUrl(WM.baseUrl()).tokenSource(source).clock(clock).accountId(ACCOUNT)
                .retryPolicy(RetryPolicy.none()).build();
    }

    private static OAuthTokens pair(String access, String refresh, Instant expiresAt) {
        return new OAuthTokens(access, refresh, expiresAt, List.of("user:bills:read"), "Bearer");
    }

    private static void stubRefresh(String refreshIn, String accessOut, String refreshOut) {
        WM.stubFor(post(urlPathEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.refresh_token", equalTo(refreshIn)))
                .willReturn(okJson("{\"access_token\":\"" + accessOut + "\",\"refresh_token\":\"" + refreshOut
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":43200,\"scope\":\"user:bills:read\","
                        + "\"created_at\":" + NOW.getEpochSecond() + "}")));
    }

    private static void stubApi() {
        WM.stubFor(get(urlPathEqualTo(API)).willReturn(okJson(ITEM)));
    }

    @Test
    void theRotatedPairIsStoredBeforeTheNewAccessTokenIsFirstUsed() {
        FreshBooksTokenSource source = source(store);
        source.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        stubRefresh("R1", "A2", "R2");
        stubApi();

        client(source).items().get(1);

        assertThat(SEEN).hasSize(1);
        assertThat(SEEN.get(0)[0]).isEqualTo("Bearer A2");
        assertThat(SEEN.get(0)[1]).as("refresh token in the store when A2 was first used").isEqualTo("R2");
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)).withRequestBody(equalToJson("{\"grant_type\":"
                + "\"refresh_token\",\"client_id\":\"cid\",\"client_secret\":\"s3cret\",\"refresh_token\":\"R1\","
                + "\"redirect_uri\":\"https://app.example.com/cb\"}")));
        OAuthTokens stored = source.storedGrant().orElseThrow();
        assertThat(stored.accessToken()).isEqualTo("A2");
        assertThat(stored.expiresAt()).isEqualTo(NOW.plusSeconds(43200));
    }

    @Test
    void twoThreadsCauseOneRefresh() throws Exception {
        FreshBooksTokenSource source = source(store);
        source.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson("{\"access_token\":\"A2\",\"refresh_token\":\"R2\","
                + "\"expires_in\":43200}").withFixedDelay(200)));
        stubApi();
        FreshBooksClient fb = client(source);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = List.of(
                    pool.submit(() -> {
                        start.await();
                        return fb.items().get(1).name();
                    }),
                    pool.submit(() -> {
                        start.await();
                        return fb.items().get(1).name();
                    }));
            start.countDown();
            for (Future<String> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("x");
            }
        } finally {
            pool.shutdownNow();
        }
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        WM.verify(2, getRequestedFor(urlPathEqualTo(API)).withHeader("Authorization", equalTo("Bearer A2")));
        assertThat(fb.tokens().refreshCount()).isEqualTo(1);
    }

    @Test
    void invalidGrantRequiresReauthorizationWithoutRetrying() {
        FreshBooksTokenSource source = source(store);
        source.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token was already used\"}")));
        stubApi();
        FreshBooksClient fb = client(source);

        assertThatThrownBy(() -> fb.items().get(1)).isInstanceOf(ReauthorizationRequiredException.class);
        assertThatThrownBy(() -> fb.items().get(1)).isInstanceOf(ReauthorizationRequiredException.class);
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        WM.verify(0, getRequestedFor(urlPathEqualTo(API)));

        // after the user authorizes again, the new grant works without a restart
        source.storeGrant(pair("fresh-access", "R9", NOW.plusSeconds(3600)));
        assertThat(fb.items().get(1).name()).isEqualTo("x");
        WM.verify(getRequestedFor(urlPathEqualTo(API)).withHeader("Authorization", equalTo("Bearer fresh-access")));
    }

    @Test
    void losingTheCompareAndSetToAnotherNodeUsesThatNodesGrant() {
        AtomicBoolean raced = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger saves = new java.util.concurrent.atomic.AtomicInteger();
        CredentialStore racing = new CredentialStore() {
            @Override
            public Optional<StoredCredential> load(CredentialKey key) {
                return store.load(key);
            }

            @Override
            public StoredCredential compareAndSet(CredentialKey key, long expectedVersion, byte[] value) {
                // saves: 1 the initial grant, 2 our refresh claim, 3 the refreshed pair
                if (saves.incrementAndGet() == 3 && raced.compareAndSet(false, true)) {
                    // our claim lapsed during a slow refresh and another node saved its rotation first
                    store.compareAndSet(key, expectedVersion, StoredGrant.encode(FreshBooksJson.newObjectMapper(),
                            pair("other-access", "R-other", NOW.plusSeconds(43200))));
                }
                return store.compareAndSet(key, expectedVersion, value);
            }

            @Override
            public void delete(CredentialKey key) {
                store.delete(key);
            }
        };
        FreshBooksTokenSource source = source(racing);
        source.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        stubRefresh("R1", "A2", "R2");
        stubApi();

        client(source).items().get(1);

        assertThat(raced).isTrue();
        WM.verify(getRequestedFor(urlPathEqualTo(API)).withHeader("Authorization", equalTo("Bearer other-access")));
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        assertThat(source.storedGrant().orElseThrow().refreshToken()).isEqualTo("R-other");
    }

    @Test
    void aRejectedRefreshAfterAnotherNodeRotatedUsesTheNewGrant() {
        FreshBooksTokenSource source = source(store);
        source.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        // while our refresh is in flight, another node rotates R1 and stores its pair; ours is then rejected
        onTokenRequest = e -> {
            long v = store.load(KEY).orElseThrow().version();
            store.compareAndSet(KEY, v, StoredGrant.encode(FreshBooksJson.newObjectMapper(),
                    pair("other-access", "R-other", NOW.plusSeconds(43200))));
        };
        WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\"}")));
        stubApi();

        client(source).items().get(1);

        WM.verify(getRequestedFor(urlPathEqualTo(API)).withHeader("Authorization", equalTo("Bearer other-access")));
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void aValidStoredTokenIsUsedWithoutRefreshing() {
        FreshBooksTokenSource source = source(store);
        source.storeGrant(pair("A1", "R1", NOW.plusSeconds(43200)));
        stubApi();
        client(source).items().get(1);
        WM.verify(0, postRequestedFor(urlPathEqualTo(TOKEN)));
        WM.verify(getRequestedFor(urlPathEqualTo(API)).withHeader("Authorization", equalTo("Bearer A1")));
    }

    @Test
    void a401ForcesOneRefreshAndOneRetry() {
        FreshBooksTokenSource source = source(store);
        source.storeGrant(pair("A1", "R1", NOW.plusSeconds(43200)));
        stubRefresh("R1", "A2", "R2");
        WM.stubFor(get(urlPathEqualTo(API)).withHeader("Authorization", equalTo("Bearer A1"))
                .willReturn(aResponse().withStatus(401).withBody("{\"response\":{\"errors\":[{\"errno\":1003,"
                        + "\"message\":\"The server could not verify that you are authorized\"}]}}")));
        WM.stubFor(get(urlPathEqualTo(API)).withHeader("Authorization", equalTo("Bearer A2")).willReturn(okJson(ITEM)));

        assertThat(client(source).items().get(1).name()).isEqualTo("x");
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        assertThat(source.storedGrant().orElseThrow().refreshToken()).isEqualTo("R2");
        assertThat(SEEN).extracting(s -> s[0]).containsExactly("Bearer A1", "Bearer A2");
        assertThat(SEEN.get(1)[1]).isEqualTo("R2");
    }

    @Test
    void aClientBuiltFromOAuthCredentialsRefreshesThroughTheStore() {
        FreshBooksTokenSource seed = source(store);
        seed.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        stubRefresh("R1", "A2", "R2");
        stubApi();
        FreshBooksClient fb = FreshBooksClient.builder().apiBaseUrl(WM.baseUrl()).clock(clock).accountId(ACCOUNT)
                .oauthCredentials("cid", "s3cret", "https://app.example.com/cb").credentialStore(store, KEY)
                .retryPolicy(RetryPolicy.none()).build();
        assertThat(fb.items().get(1).name()).isEqualTo("x");
        assertThat(SEEN.get(0)).containsExactly("Bearer A2", "R2");
        assertThat(fb.oauth()).hasValueSatisfying(o -> assertThat(o.clientId()).isEqualTo("cid"));
    }

    @Test
    void twoNodesOverOneStoreSendOneRefresh_theSecondWaitsForTheFirstsClaimAndUsesItsPair() throws Exception {
        FreshBooksTokenSource nodeA = source(store);
        FreshBooksTokenSource nodeB = source(store);
        nodeA.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson("{\"access_token\":\"A2\",\"refresh_token\":\"R2\","
                + "\"expires_in\":43200,\"created_at\":" + NOW.getEpochSecond() + "}").withFixedDelay(200)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(() -> {
                start.await();
                return nodeA.fetchToken().value();
            });
            Future<String> b = pool.submit(() -> {
                start.await();
                return nodeB.fetchToken().value();
            });
            start.countDown();
            assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("A2");
            assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo("A2");
        } finally {
            pool.shutdownNow();
        }
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        OAuthTokens stored = nodeA.storedGrant().orElseThrow();
        assertThat(stored.refreshToken()).isEqualTo("R2");
        assertThat(StoredGrant.read(FreshBooksJson.newObjectMapper(), store.load(KEY).orElseThrow().value())
                .refreshingBy()).as("no claim left behind").isNull();
    }

    @Test
    void aClaimLeftByADeadNodeDelaysTheRefreshOnlyUntilItLapses() {
        List<java.time.Duration> pauses = new CopyOnWriteArrayList<>();
        FreshBooksTokenSource source = FreshBooksTokenSource.builder().oauth(oauth()).store(store).key(KEY).clock(clock)
                .refreshClaimTtl(java.time.Duration.ofSeconds(1)).refreshClaimPoll(java.time.Duration.ofMillis(100))
                .sleeper(pauses::add).build();
        // another node claimed the refresh of R1 and died before storing anything
        store.compareAndSet(KEY, 0, StoredGrant.encodeClaimed(FreshBooksJson.newObjectMapper(),
                pair("old-access", "R1", NOW.minusSeconds(1)), "dead-node", NOW.plusSeconds(30)));
        stubRefresh("R1", "A2", "R2");

        assertThat(source.fetchToken().value()).isEqualTo("A2");

        assertThat(pauses).isNotEmpty().allSatisfy(p -> assertThat(p).isEqualTo(java.time.Duration.ofMillis(100)));
        assertThat(pauses.stream().reduce(java.time.Duration.ZERO, java.time.Duration::plus))
                .isEqualTo(java.time.Duration.ofSeconds(1));
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        assertThat(source.storedGrant().orElseThrow().refreshToken()).isEqualTo("R2");
    }

    @Test
    void aSlowRefreshWhoseClaimLapsed_stillSavesItsPair_whenNobodyElseRotated() {
        FreshBooksTokenSource source = source(store);
        source.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        // while our refresh is in flight, our claim lapses and another node takes it over, fails and releases it:
        // the store changes but still holds R1, which our refresh has already spent
        onTokenRequest = e -> {
            long v = store.load(KEY).orElseThrow().version();
            store.compareAndSet(KEY, v, StoredGrant.encode(FreshBooksJson.newObjectMapper(),
                    pair("old-access", "R1", NOW.minusSeconds(1))));
        };
        stubRefresh("R1", "A2", "R2");

        assertThat(source.fetchToken().value()).isEqualTo("A2");

        assertThat(source.storedGrant().orElseThrow().refreshToken()).as("the live refresh token is kept").isEqualTo("R2");
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void aLapsedClaimIsTakenOverAtOnce_andAFailedRefreshReleasesOurClaim() {
        FreshBooksTokenSource source = FreshBooksTokenSource.builder().oauth(oauth()).store(store).key(KEY).clock(clock)
                .sleeper(d -> {
                    throw new AssertionError("must not wait for a lapsed claim");
                }).build();
        store.compareAndSet(KEY, 0, StoredGrant.encodeClaimed(FreshBooksJson.newObjectMapper(),
                pair("old-access", "R1", NOW.minusSeconds(1)), "dead-node", NOW.minusMillis(1)));
        WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(503).withBody("{}")));

        assertThatThrownBy(source::fetchToken).isNotInstanceOf(ReauthorizationRequiredException.class);

        StoredGrant after = StoredGrant.read(FreshBooksJson.newObjectMapper(), store.load(KEY).orElseThrow().value());
        assertThat(after.refreshingBy()).as("claim released after the failed refresh").isNull();
        assertThat(after.refreshToken()).isEqualTo("R1");
        stubRefresh("R1", "A2", "R2");
        assertThat(source.fetchToken().value()).isEqualTo("A2");
    }

    @Test
    void noStoredGrantRequiresAuthorization() {
        assertThatThrownBy(() -> source(store).fetchToken()).isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("authorize");
        store.compareAndSet(KEY, 0, "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> source(store).fetchToken()).isInstanceOf(ReauthorizationRequiredException.class);
    }

    /** A store whose compare-and-set throws (disk full, failover) while {@code failing} is set. */
    private static final class FlakyStore implements CredentialStore {
        final CredentialStore delegate;
        final AtomicBoolean failing = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.IntPredicate failSave = n -> true;
        final java.util.concurrent.atomic.AtomicInteger saves = new java.util.concurrent.atomic.AtomicInteger();

        FlakyStore(CredentialStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<StoredCredential> load(CredentialKey key) {
            return delegate.load(key);
        }

        @Override
        public StoredCredential compareAndSet(CredentialKey key, long expectedVersion, byte[] value) {
            int n = saves.incrementAndGet();
            if (failing.get() && failSave.test(n)) {
                failed.incrementAndGet();
                throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
            }
            return delegate.compareAndSet(key, expectedVersion, value);
        }

        @Override
        public void delete(CredentialKey key) {
            delegate.delete(key);
        }
    }

    private FreshBooksTokenSource source(CredentialStore s, Clock c) {
        return FreshBooksTokenSource.builder().oauth(FreshBooksOAuth.builder().clientId("cid").clientSecret("s3cret")
                        .redirectUri("https://app.example.com/cb").apiBaseUrl(WM.baseUrl()).clock(c).build())
                .store(s).key(KEY).clock(c).sleeper(d -> { }).build();
    }

    @Test
    void aFailedSaveAfterTheRefresh_keepsTheNewPair_servesIt_andSavesItWhenTheStoreIsBack() {
        FlakyStore flaky = new FlakyStore(store);
        FreshBooksTokenSource source = source(flaky, clock);
        source.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        stubRefresh("R1", "A2", "R2");
        stubApi();
        // the claim (save 2) goes through; every save after the refresh fails: disk full
        flaky.failSave = n -> n >= 3;
        flaky.failing.set(true);

        client(source).items().get(1);

        WM.verify(getRequestedFor(urlPathEqualTo(API)).withHeader("Authorization", equalTo("Bearer A2")));
        assertThat(source.hasUnsavedGrant()).isTrue();
        assertThat(flaky.failed.get()).isEqualTo(4); // the save, then three more tries at once with backoff
        assertThat(store.load(KEY).map(c -> grant(c).refreshToken())).hasValue("R1");

        assertThat(source.retryUnsavedGrant()).isFalse(); // still down
        flaky.failing.set(false);
        assertThat(source.retryUnsavedGrant()).isTrue();

        assertThat(source.hasUnsavedGrant()).isFalse();
        OAuthTokens saved = source.storedGrant().orElseThrow();
        assertThat(saved.refreshToken()).isEqualTo("R2");
        assertThat(saved.accessToken()).isEqualTo("A2");
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void whileTheNewPairIsUnsaved_aRefreshUsesItsRefreshToken_neverTheSpentOneTheStoreHolds() {
        io.mlconnector.core.testing.MutableClock moving = new io.mlconnector.core.testing.MutableClock(NOW);
        FlakyStore flaky = new FlakyStore(store);
        FreshBooksTokenSource source = source(flaky, moving);
        source.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        stubRefresh("R1", "A2", "R2");
        flaky.failSave = n -> n >= 3;
        flaky.failing.set(true);

        assertThat(source.fetchToken().value()).isEqualTo("A2");
        moving.advance(Duration.ofHours(13)); // A2 (12 h) is used up and the store is still down
        WM.stubFor(post(urlPathEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.refresh_token", equalTo("R2")))
                .willReturn(okJson("{\"access_token\":\"A3\",\"refresh_token\":\"R3\",\"expires_in\":43200}")));

        assertThat(source.fetchToken().value()).isEqualTo("A3");

        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.refresh_token",
                equalTo("R1"))));
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)).withRequestBody(matchingJsonPath("$.refresh_token",
                equalTo("R2"))));
        flaky.failing.set(false);
        assertThat(source.retryUnsavedGrant()).isTrue();
        assertThat(source.storedGrant().orElseThrow().refreshToken()).isEqualTo("R3");
    }

    @Test
    void aFailedClaimSave_refreshesNothing_soNothingCanBeLost() {
        FlakyStore flaky = new FlakyStore(store);
        FreshBooksTokenSource source = source(flaky, clock);
        source.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        stubRefresh("R1", "A2", "R2");
        flaky.failing.set(true); // the claim write fails

        org.assertj.core.api.Assertions.assertThatThrownBy(source::fetchToken)
                .isInstanceOf(java.io.UncheckedIOException.class);

        WM.verify(0, postRequestedFor(urlPathEqualTo(TOKEN)));
        assertThat(source.hasUnsavedGrant()).isFalse();
        flaky.failing.set(false);
        assertThat(source.fetchToken().value()).isEqualTo("A2");
        assertThat(source.storedGrant().orElseThrow().refreshToken()).isEqualTo("R2");
    }

    @Test
    void aNewAuthorization_replacesAnUnsavedPair() {
        FlakyStore flaky = new FlakyStore(store);
        FreshBooksTokenSource source = source(flaky, clock);
        source.storeGrant(pair("old-access", "R1", NOW.minusSeconds(1)));
        stubRefresh("R1", "A2", "R2");
        flaky.failSave = n -> n >= 3;
        flaky.failing.set(true);
        source.fetchToken();
        flaky.failing.set(false);

        source.storeGrant(pair("new-auth-access", "R9", NOW.plusSeconds(3600)));

        assertThat(source.hasUnsavedGrant()).isFalse();
        assertThat(source.storedGrant().orElseThrow().refreshToken()).isEqualTo("R9");
    }
}
