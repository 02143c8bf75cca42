package io.mlconnector.testkit.procore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.support.TestHttp.Resp;
import io.mlconnector.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProcoreAuthTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));

    @RegisterExtension
    final ProcoreSandboxExtension ext = ProcoreSandboxExtension.with(ProcoreSandbox.builder().clock(clock)
        .tokenLifetime(Duration.ofSeconds(60)));

    private ProcoreSandbox pc;
    private TestHttp http;
    private Company company;

    @BeforeEach
    void setUp() {
        pc = ext.sandbox();
        http = new TestHttp(pc.baseUrl());
        company = pc.seed().company("Acme GC");
    }

    private Resp formToken(String secret) {
        return http.postForm("/oauth/token", "grant_type=client_credentials&client_id=" + pc.clientId()
            + "&client_secret=" + secret);
    }

    @Test
    void clientCredentials_acceptsFormJsonAndMultipart() {
        Resp form = formToken(pc.clientSecret());
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().path("token_type").asText()).isEqualTo("bearer");
        assertThat(form.json().path("expires_in").asLong()).isEqualTo(60);
        assertThat(form.json().path("created_at").asLong()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(form.json().has("refresh_token")).isFalse();

        Resp json = http.postJson("/oauth/token", "{\"grant_type\":\"client_credentials\",\"client_id\":\""
            + pc.clientId() + "\",\"client_secret\":\"" + pc.clientSecret() + "\"}");
        assertThat(json.status()).isEqualTo(200);

        String boundary = "XyZ";
        String multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nclient_credentials\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\n" + pc.clientId() + "\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"client_secret\"\r\n\r\n" + pc.clientSecret() + "\r\n"
            + "--XyZ--\r\n";
        Resp mp = http.send("POST", "/oauth/token", "multipart/form-data; boundary=" + boundary, multipart);
        assertThat(mp.status()).isEqualTo(200);
        assertThat(pc.tokenRequestCount()).isEqualTo(3);
    }

    @Test
    void wrongSecret_is401InvalidClient_andStillCounted() {
        Resp r = formToken("nope");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_client");
        assertThat(pc.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void expiredToken_is401_tokenInfoReportsRemainingSeconds() {
        String token = formToken(pc.clientSecret()).json().path("access_token").asText();
        String companyHeader = Long.toString(company.id());
        assertThat(http.get("/rest/v1.0/me", "Authorization", "Bearer " + token, "Procore-Company-Id",
            companyHeader).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(20));
        Resp info = http.get("/oauth/token/info", "Authorization", "Bearer " + token);
        assertThat(info.json().path("expires_in_seconds").asLong()).isEqualTo(40);
        assertThat(info.json().path("application").path("uid").asText()).isEqualTo(pc.clientId());

        clock.advance(Duration.ofSeconds(41));
        Resp expired = http.get("/rest/v1.0/me", "Authorization", "Bearer " + token, "Procore-Company-Id",
            companyHeader);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).isPresent();
        assertThat(http.get("/oauth/token/info", "Authorization", "Bearer " + token).status()).isEqualTo(401);
    }

    @Test
    void revoke_answers200AndKillsTheToken_revokeAllKnobToo() {
        String token = formToken(pc.clientSecret()).json().path("access_token").asText();
        Resp r = http.postForm("/oauth/revoke", "token=" + token + "&client_id=" + pc.clientId() + "&client_secret="
            + pc.clientSecret());
        assertThat(r.status()).isEqualTo(200);
        assertThat(http.postForm("/oauth/revoke", "token=garbage&client_id=x&client_secret=y").status())
            .isEqualTo(200);
        assertThat(http.get("/rest/v1.0/me", "Authorization", "Bearer " + token, "Procore-Company-Id",
            Long.toString(company.id())).status()).isEqualTo(401);

        String other = pc.issueToken();
        pc.revokeAllTokens();
        assertThat(http.get("/rest/v1.0/me", "Authorization", "Bearer " + other, "Procore-Company-Id",
            Long.toString(company.id())).status()).isEqualTo(401);
    }
}
