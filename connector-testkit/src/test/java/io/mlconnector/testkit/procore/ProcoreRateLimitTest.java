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

class ProcoreRateLimitTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-10T12:00:00Z"));

    @RegisterExtension
    final ProcoreSandboxExtension ext = ProcoreSandboxExtension.with(ProcoreSandbox.builder().clock(clock)
        .hourlyLimit(5).tokenLifetime(Duration.ofHours(3)));

    private ProcoreSandbox pc;
    private TestHttp http;
    private String[] auth;
    private Company acme;

    @BeforeEach
    void setUp() {
        pc = ext.sandbox();
        http = new TestHttp(pc.baseUrl());
        acme = pc.seed().company("Acme");
        auth = new String[] {"Authorization", "Bearer " + pc.issueToken(), "Procore-Company-Id",
            Long.toString(acme.id())};
    }

    @Test
    void budgetIsCountedIncludingFailures_then429WithHeadersAndTextBody_untilTheWindowResets() {
        long reset = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
        Resp first = http.get("/rest/v1.0/companies", auth);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Rate-Limit-Limit")).contains("5");
        assertThat(first.header("X-Rate-Limit-Remaining")).contains("4");
        assertThat(first.header("X-Rate-Limit-Reset")).contains(Long.toString(reset));

        assertThat(http.get("/rest/v1.0/vendors/1?company_id=" + acme.id(), auth).status()).isEqualTo(404);
        assertThat(http.get("/rest/v1.0/projects", auth).status()).isEqualTo(400);
        http.get("/rest/v1.0/companies", auth);
        Resp fifth = http.get("/rest/v1.0/companies", auth);
        assertThat(fifth.header("X-Rate-Limit-Remaining")).contains("0");

        Resp limited = http.get("/rest/v1.0/companies", auth);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("You have surpassed the max number of requests for an hour. "
            + "Please wait until your limit resets.");
        assertThat(limited.header("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(limited.header("X-Rate-Limit-Remaining")).contains("0");
        assertThat(limited.header("X-Rate-Limit-Reset")).contains(Long.toString(reset));

        assertThat(http.postForm("/oauth/token", "grant_type=client_credentials&client_id=" + pc.clientId()
            + "&client_secret=" + pc.clientSecret()).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(1));
        Resp after = http.get("/rest/v1.0/companies", auth);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("X-Rate-Limit-Remaining")).contains("4");
    }

    @Test
    void bucketsArePerCompany_andSpikeWindowIsReportedWhenTighter() {
        Company other = pc.seed().company("Other");
        for (int i = 0; i < 5; i++) {
            http.get("/rest/v1.0/companies", auth);
        }
        assertThat(http.get("/rest/v1.0/companies", auth).status()).isEqualTo(429);
        assertThat(http.get("/rest/v1.0/companies", "Authorization", auth[1], "Procore-Company-Id",
            Long.toString(other.id())).status()).isEqualTo(200);

        pc.rateLimit().reset().hourlyLimit(100).spikeLimit(2, Duration.ofSeconds(10));
        Resp a = http.get("/rest/v1.0/companies", auth);
        assertThat(a.header("X-Rate-Limit-Limit")).contains("2");
        http.get("/rest/v1.0/companies", auth);
        assertThat(http.get("/rest/v1.0/companies", auth).status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(10));
        assertThat(http.get("/rest/v1.0/companies", auth).status()).isEqualTo(200);
    }
}
