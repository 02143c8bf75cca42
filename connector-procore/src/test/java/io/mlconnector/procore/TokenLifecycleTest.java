package io.mlconnector.procore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.error.ServerException;
import io.mlconnector.procore.auth.InvalidClientException;
import io.mlconnector.procore.auth.ProcoreCredentialVault;
import io.mlconnector.procore.model.Me;
import io.mlconnector.procore.support.WireMockProcore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenLifecycleTest extends WireMockProcore {

    private void stubMe() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).willReturn(json(200, "{\"id\":1234567,\"login\":\"svc@gc.example\",\"name\":\"ML Connector\"}")));
    }

    private List<String> bearerTokensSentToMe() {
        List<String> out = new ArrayList<>();
        for (LoggedRequest r : wm.findAll(getRequestedFor(urlPathEqualTo("/rest/v1.0/me")))) {
            out.add(r.getHeader("Authorization"));
        }
        return out;
    }

    @Test
    void firstCall_postsFormEncodedClientCredentials_thenSendsBearerAndCompanyHeader() {
        stubToken("tok-1", 5400);
        stubMe();
        Me me = client().companies().me();

        assertThat(me.id()).isEqualTo(1234567L);
        wm.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=client-abc&client_secret=s3cret-value")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/rest/v1.0/me"))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .withHeader("Procore-Company-Id", equalTo(String.valueOf(COMPANY))));
    }

    @Test
    void ninetyMinuteToken_isRenewedInsideTheEarlyWindow_notBefore() {
        stubToken("tok-1", 5400);
        stubMe();
        ProcoreClient c = client();
        c.companies().me();
        clock.advance(Duration.ofMinutes(79)); // 11 min left: outside the 10-minute prefetch window
        c.companies().me();
        wm.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));

        stubToken("tok-2", 5400); // created_at = now (minute 82)
        // 8 min left: inside the window whatever the jitter (its start is drawn in the window's latest fifth)
        clock.advance(Duration.ofMinutes(3));
        c.companies().me();

        wm.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(bearerTokensSentToMe()).containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
        assertThat(c.tokens().refreshCount()).isEqualTo(2);
    }

    @Test
    void tokenCreatedAt_isHonoured_soAnOldTokenIsRenewedEarlier() {
        // issued 85 minutes ago by the server's clock: only 5 minutes of life left, already inside the window
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(json(200,
                tokenJson("tok-old", 5400, clock.instant().minus(Duration.ofMinutes(85)).getEpochSecond()))));
        stubMe();
        ProcoreClient c = client();
        c.companies().me();
        assertThat(c.tokens().token().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void anExpiredToken_isNeverSent_evenWhenRenewalKeepsFailing() {
        stubToken("tok-1", 5400);
        stubMe();
        ProcoreClient c = client();
        c.companies().me();

        wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(500).withBody("down")));
        clock.advance(Duration.ofMinutes(85)); // prefetch window: the early refresh fails, the valid token is kept
        c.companies().me();
        clock.advance(Duration.ofMinutes(4)); // 1 min left: inside the stale window, callers must wait for a refresh
        assertThatThrownBy(() -> c.companies().me()).isInstanceOf(ServerException.class);
        clock.advance(Duration.ofMinutes(2)); // expired
        assertThatThrownBy(() -> c.companies().me()).isInstanceOf(ServerException.class);

        assertThat(bearerTokensSentToMe()).containsExactly("Bearer tok-1", "Bearer tok-1");

        stubToken("tok-2", 5400);
        c.companies().me();
        assertThat(bearerTokensSentToMe()).containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void thirtyTwoThreads_shareOneTokenRequest() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(json(200,
                tokenJson("tok-1", 5400, clock.instant().getEpochSecond())).withFixedDelay(200)));
        stubMe();
        ProcoreClient c = client();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Me>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return c.companies().me();
                }));
            }
            go.countDown();
            for (Future<Me> f : results) {
                assertThat(f.get(20, TimeUnit.SECONDS).id()).isEqualTo(1234567L);
            }
        } finally {
            pool.shutdownNow();
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        wm.verify(32, getRequestedFor(urlPathEqualTo("/rest/v1.0/me")).withHeader("Authorization", equalTo("Bearer tok-1")));
    }

    @Test
    void restartedClient_reusesTheStoredTokenAndSecret_andTheStoreHoldsOnlyCiphertext() {
        stubToken("tok-1", 5400);
        stubMe();
        client().companies().me();
        clock.advance(Duration.ofMinutes(30));

        ProcoreClient restarted = builder().clientSecret(null).build(); // secret read back from the store
        restarted.companies().me();

        wm.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(bearerTokensSentToMe()).containsExactly("Bearer tok-1", "Bearer tok-1");
        String clientBytes = new String(rawStore.load(new CredentialKey("procore-" + COMPANY, ProcoreCredentialVault.CLIENT_KIND))
                .orElseThrow().value(), StandardCharsets.ISO_8859_1);
        String tokenBytes = new String(rawStore.load(new CredentialKey("procore-" + COMPANY, ProcoreCredentialVault.TOKEN_KIND))
                .orElseThrow().value(), StandardCharsets.ISO_8859_1);
        assertThat(clientBytes).doesNotContain(CLIENT_SECRET).doesNotContain(CLIENT_ID);
        assertThat(tokenBytes).doesNotContain("tok-1");
    }

    @Test
    void restartedClient_fetchesANewToken_whenTheStoredOneIsDueForRenewal() {
        stubToken("tok-1", 5400);
        stubMe();
        client().companies().me();
        clock.advance(Duration.ofMinutes(85));
        stubToken("tok-2", 5400);

        builder().build().companies().me();

        assertThat(bearerTokensSentToMe()).containsExactly("Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void invalidClient_isATypedError_andNoApiRequestIsSent() {
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed due to unknown client.\"}")));
        stubMe();
        assertThatThrownBy(() -> client().companies().me())
                .isInstanceOfSatisfying(InvalidClientException.class, e -> assertThat(e.errorCode()).isEqualTo("invalid_client"))
                .hasMessageNotContaining(CLIENT_SECRET);
        wm.verify(0, getRequestedFor(urlPathEqualTo("/rest/v1.0/me")));
    }

    @Test
    void a401FromTheApi_refreshesOnceAndRetriesOnce() {
        stubToken("tok-1", 5400);
        ProcoreClient c = client();
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(json(401, "{\"errors\":\"Unauthorized\"}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(json(200, "{\"id\":7,\"login\":\"a\",\"name\":\"b\"}")));
        c.tokens().token();
        stubToken("tok-2", 5400);

        assertThat(c.companies().me().id()).isEqualTo(7L);
        assertThat(bearerTokensSentToMe()).containsExactly("Bearer tok-1", "Bearer tok-2");
    }
}
