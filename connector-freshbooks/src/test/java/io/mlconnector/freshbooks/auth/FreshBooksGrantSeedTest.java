package io.mlconnector.freshbooks.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Seeding the FreshBooks grant from a configured refresh token, and storing it from an authorization code. */
class FreshBooksGrantSeedTest {
    @RegisterExtension
    static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private InMemoryCredentialStore store;
    private FreshBooksOAuth oauth;
    private FreshBooksTokenSource source;

    @BeforeEach
    void setUp() {
        store = new InMemoryCredentialStore();
        oauth = FreshBooksOAuth.builder().clientId("cid").clientSecret("s3cret").redirectUri("https://app.example/cb")
                .apiBaseUrl(WM.baseUrl()).transport(HttpTransport.builder().retryPolicy(RetryPolicy.none()).build())
                .build();
        source = FreshBooksTokenSource.builder().oauth(oauth).store(store).key(FreshBooksTokenSource.keyFor("acme"))
                .build();
    }

    private String storedRefreshToken() {
        return source.storedGrant().orElseThrow().refreshToken();
    }

    @Test
    void firstSeed_storesTheGrant_andTheSameTokenLaterKeepsTheRotatedOne() {
        assertThat(FreshBooksGrantSeed.seed(source, store, "ref-configured")).isEqualTo(FreshBooksGrantSeed.Outcome.STORED);
        assertThat(storedRefreshToken()).isEqualTo("ref-configured");
        source.storeGrant(new OAuthTokens("acc", "ref-rotated", java.time.Instant.EPOCH, java.util.List.of(), "Bearer"));

        assertThat(FreshBooksGrantSeed.seed(source, store, "ref-configured")).isEqualTo(FreshBooksGrantSeed.Outcome.KEPT);
        assertThat(storedRefreshToken()).isEqualTo("ref-rotated");
        assertThat(FreshBooksGrantSeed.seed(source, store, null)).isEqualTo(FreshBooksGrantSeed.Outcome.KEPT);
        assertThat(storedRefreshToken()).isEqualTo("ref-rotated");
    }

    @Test
    void aNewToken_replacesTheStoredGrant_andOnlyItsDigestIsKept() {
        FreshBooksGrantSeed.seed(source, store, "ref-1");

        assertThat(FreshBooksGrantSeed.seed(source, store, "ref-2")).isEqualTo(FreshBooksGrantSeed.Outcome.REPLACED);

        assertThat(storedRefreshToken()).isEqualTo("ref-2");
        byte[] digest = store.load(new CredentialKey(source.key().connectionId(), FreshBooksGrantSeed.SEED_KIND))
                .orElseThrow().value();
        assertThat(new String(digest, StandardCharsets.US_ASCII)).hasSize(64).doesNotContain("ref-2");
    }

    @Test
    void noStoredGrant_andNoToken_isAConfigurationError() {
        assertThatThrownBy(() -> FreshBooksGrantSeed.seed(source, store, " ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no FreshBooks grant is stored");
    }

    @Test
    void authorize_exchangesTheCode_andStoresTheGrant() {
        WM.stubFor(post(urlPathEqualTo("/auth/oauth/token")).willReturn(okJson("{\"access_token\":\"acc-1\","
                + "\"refresh_token\":\"ref-1\",\"token_type\":\"Bearer\",\"expires_in\":43200}")));

        OAuthTokens tokens = FreshBooksGrantSeed.authorize(source, oauth, "the-code");

        assertThat(tokens.refreshToken()).isEqualTo("ref-1");
        assertThat(storedRefreshToken()).isEqualTo("ref-1");
        WM.verify(postRequestedFor(urlPathEqualTo("/auth/oauth/token")).withRequestBody(equalToJson(
                "{\"grant_type\":\"authorization_code\",\"code\":\"the-code\"}", true, true)));
        assertThatThrownBy(() -> FreshBooksGrantSeed.authorize(source, oauth, ""))
                .isInstanceOf(ConfigurationException.class);
    }
}
