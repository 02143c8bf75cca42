package io.mlconnector.freshbooks.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.ReauthorizationRequiredException;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.error.ServerException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.freshbooks.WireMockSupport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authorization URL, code exchange, refresh, revoke and the token endpoint's failure modes. */
class FreshBooksOAuthTest extends WireMockSupport {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final String TOKEN = "/auth/oauth/token";

    private FreshBooksOAuth oauth() {
        // a transport that would retry 5xx/429: the token calls must still never be repeated on 4xx
        HttpTransport t = HttpTransport.builder().retryPolicy(RetryPolicy.defaults()).sleeper(d -> { }).build();
        return FreshBooksOAuth.builder().clientId("cid").clientSecret("s3cret").redirectUri("https://app.example.com/cb")
                .apiBaseUrl(base()).transport(t).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @Test
    void authorizationUrlCarriesClientRedirectSpaceJoinedScopesAndState() {
        FreshBooksOAuth o = FreshBooksOAuth.builder().clientId("cid").clientSecret("s3cret")
                .redirectUri("https://app.example.com/cb").build();
        assertThat(o.authorizationUrl(List.of("user:profile:read", "user:bills:read"), "st 8/x").toString())
                .isEqualTo("https://auth.freshbooks.com/oauth/authorize?client_id=cid&response_type=code"
                        + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=user%3Aprofile%3Aread%20user%3Abills%3Aread"
                        + "&state=st%208%2Fx");
        assertThat(o.authorizationUrl(List.of(), null).toString()).doesNotContain("scope=").doesNotContain("state=");
        assertThat(o.toString()).doesNotContain("s3cret");
    }

    @Test
    void codeExchangePostsJsonAndReadsThePair() {
        WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson("{\"access_token\":\"acc-1\",\"refresh_token\":"
                + "\"ref-1\",\"token_type\":\"Bearer\",\"expires_in\":43200,\"scope\":\"user:profile:read user:bills:read\","
                + "\"created_at\":1714564800}")));
        OAuthTokens t = oauth().exchangeCode("the-code");
        assertThat(t.accessToken()).isEqualTo("acc-1");
        assertThat(t.refreshToken()).isEqualTo("ref-1");
        assertThat(t.expiresAt()).isEqualTo(Instant.ofEpochSecond(1714564800L + 43200));
        assertThat(t.scopes()).containsExactly("user:profile:read", "user:bills:read");
        assertThat(t.toString()).doesNotContain("acc-1").doesNotContain("ref-1");
        WM.verify(postRequestedFor(urlPathEqualTo(TOKEN)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"grant_type\":\"authorization_code\",\"client_id\":\"cid\","
                        + "\"client_secret\":\"s3cret\",\"code\":\"the-code\",\"redirect_uri\":\"https://app.example.com/cb\"}")));
    }

    @Test
    void refreshSendsTheRefreshGrantAndComputesExpiryWithoutCreatedAt() {
        WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(
                "{\"access_token\":\"acc-2\",\"refresh_token\":\"ref-2\",\"token_type\":\"Bearer\",\"expires_in\":100}")));
        OAuthTokens t = oauth().refresh("ref-1");
        assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(100));
        WM.verify(postRequestedFor(urlPathEqualTo(TOKEN)).withRequestBody(equalToJson("{\"grant_type\":\"refresh_token\","
                + "\"client_id\":\"cid\",\"client_secret\":\"s3cret\",\"refresh_token\":\"ref-1\","
                + "\"redirect_uri\":\"https://app.example.com/cb\"}")));
    }

    @Test
    void invalidGrantRequiresReauthorizationAndIsSentOnce() {
        WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The provided "
                + "authorization grant is invalid, expired, revoked\"}")));
        assertThatThrownBy(() -> oauth().refresh("used-token")).isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("invalid_grant").hasMessageNotContaining("used-token");
        WM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void documentedUnauthenticatedBodyWith401Or403AlsoRequiresReauthorization() {
        for (int status : new int[] {401, 403}) {
            WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(status).withBody(
                    "{\"error\":\"unauthenticated\",\"error_description\":\"This action requires authentication to continue.\"}")));
            assertThatThrownBy(() -> oauth().refresh("r")).isInstanceOf(ReauthorizationRequiredException.class);
        }
    }

    @Test
    void badClientCredentialsAreAConfigurationProblemAndServerErrorsStayServerErrors() {
        WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));
        assertThatThrownBy(() -> oauth().refresh("r")).isInstanceOf(ConfigurationException.class);
        WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":\"internal_server_error\",\"error_description\":\"internal server error\"}")));
        assertThatThrownBy(() -> oauth().refresh("r")).isInstanceOf(ServerException.class);
        // one request per call: a POST is never re-sent on 5xx, the refresh token might have been consumed
        assertThat(WM.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSize(2);
    }

    @Test
    void revokePostsClientCredentialsAndToken() {
        WM.stubFor(post(urlPathEqualTo("/auth/oauth/revoke")).willReturn(aResponse().withStatus(200)));
        oauth().revoke("ref-9");
        WM.verify(postRequestedFor(urlPathEqualTo("/auth/oauth/revoke")).withRequestBody(equalToJson(
                "{\"client_id\":\"cid\",\"client_secret\":\"s3cret\",\"token\":\"ref-9\"}")));
    }

    @Test
    void answersWithoutAccessTokenAreRejected() {
        WM.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson("{\"refresh_token\":\"x\"}")));
        assertThatThrownBy(() -> oauth().exchangeCode("c"))
                .isInstanceOf(io.mlconnector.freshbooks.http.UnexpectedResponseException.class);
        assertThatThrownBy(() -> FreshBooksOAuth.builder().clientId("c").build()).isInstanceOf(ConfigurationException.class);
    }
}
