package io.mlconnector.testkit.freshbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.support.TestHttp.Resp;
import io.mlconnector.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FreshBooksOAuthTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));

    @RegisterExtension
    final FreshBooksSandboxExtension ext = FreshBooksSandboxExtension.with(FreshBooksSandbox.builder().clock(clock));

    private FreshBooksSandbox fb;
    private TestHttp http;

    @BeforeEach
    void setUp() {
        fb = ext.sandbox();
        http = new TestHttp(fb.baseUrl());
    }

    private Resp exchangeCode(String code) {
        return http.postJson("/auth/oauth/token", "{\"grant_type\":\"authorization_code\",\"client_id\":\""
            + fb.clientId() + "\",\"client_secret\":\"" + fb.clientSecret() + "\",\"code\":\"" + code
            + "\",\"redirect_uri\":\"" + fb.redirectUri() + "\"}");
    }

    private Resp refresh(String refreshToken) {
        return http.postForm("/auth/oauth/token", "grant_type=refresh_token&client_id=" + fb.clientId()
            + "&client_secret=" + fb.clientSecret() + "&refresh_token=" + refreshToken + "&redirect_uri="
            + fb.redirectUri());
    }

    @Test
    void authorizationCode_exchange_returnsDocumentedTokenShape() {
        Resp r = exchangeCode(fb.issueAuthorizationCode());

        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(43_200);
        assertThat(body.path("created_at").asLong()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(body.path("scope").asText()).contains("user:profile:read");
        assertThat(body.path("access_token").asText()).isNotBlank();
        assertThat(body.path("refresh_token").asText()).isNotBlank();
    }

    @Test
    void authorizationCode_isSingleUseAndExpiresAfterFiveMinutes() {
        String code = fb.issueAuthorizationCode();
        assertThat(exchangeCode(code).status()).isEqualTo(200);
        assertThat(exchangeCode(code).json().path("error").asText()).isEqualTo("invalid_grant");

        String late = fb.issueAuthorizationCode();
        clock.advance(Duration.ofMinutes(6));
        Resp r = exchangeCode(late);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshToken_rotates_andReuseIsRefusedWithInvalidGrant() {
        TokenPair first = fb.issueTokens();

        Resp ok = refresh(first.refreshToken());
        assertThat(ok.status()).isEqualTo(200);
        String second = ok.json().path("refresh_token").asText();
        assertThat(second).isNotEqualTo(first.refreshToken());

        Resp reused = refresh(first.refreshToken());
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(reused.json().path("error_description").asText()).isNotBlank();

        assertThat(fb.refreshRequestCount()).isEqualTo(2);
        assertThat(fb.successfulRefreshCount()).isEqualTo(1);
        assertThat(refresh(second).status()).isEqualTo(200);
    }

    @Test
    void unknownRefreshToken_andBadSecret_areRefused() {
        assertThat(refresh("nope").json().path("error").asText()).isEqualTo("invalid_grant");

        Resp bad = http.postForm("/auth/oauth/token", "grant_type=refresh_token&client_id=" + fb.clientId()
            + "&client_secret=wrong&refresh_token=x");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void accessToken_expires_thenAccountingAnswers401InGrpcStyle() {
        fb.accessTokenLifetime(Duration.ofSeconds(100));
        TokenPair t = fb.issueTokens();
        String path = "/accounting/account/" + fb.identity().accountId() + "/expenses/expenses";
        assertThat(http.get(path, "Authorization", "Bearer " + t.accessToken()).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(101));
        Resp r = http.get(path, "Authorization", "Bearer " + t.accessToken());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("code").asInt()).isEqualTo(16);
        assertThat(r.json().path("details").get(0).path("@type").asText())
            .isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
        assertThat(r.json().path("details").get(0).path("reason").asText()).isEqualTo("1003");
    }

    @Test
    void usersMe_returnsIdsInBusinessMemberships_and401WithoutToken() {
        TokenPair t = fb.issueTokens();
        JsonNode me = http.get("/auth/api/v1/users/me", "Authorization", "Bearer " + t.accessToken()).json();
        JsonNode business = me.path("response").path("business_memberships").get(0).path("business");
        assertThat(business.path("account_id").asText()).isEqualTo("6BApk");
        assertThat(business.path("id").asLong()).isEqualTo(6543);
        assertThat(business.path("business_uuid").asText()).isNotBlank();
        assertThat(me.path("response").path("identity_id").asLong()).isEqualTo(1234);

        Resp anon = http.get("/auth/api/v1/users/me");
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.json().path("error").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void revoke_killsRefreshAndAccessTokens_andRevokeAllKnobWorks() {
        TokenPair t = fb.issueTokens();
        Resp r = http.postJson("/auth/oauth/revoke", "{\"client_id\":\"" + fb.clientId() + "\",\"client_secret\":\""
            + fb.clientSecret() + "\",\"token\":\"" + t.refreshToken() + "\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(refresh(t.refreshToken()).status()).isEqualTo(400);
        assertThat(http.get("/auth/api/v1/users/me", "Authorization", "Bearer " + t.accessToken()).status())
            .isEqualTo(401);

        TokenPair t2 = fb.issueTokens();
        fb.revokeAllTokens();
        assertThat(http.get("/auth/api/v1/users/me", "Authorization", "Bearer " + t2.accessToken()).status())
            .isEqualTo(401);
    }
}
