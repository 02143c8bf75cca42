package io.mlconnector.procore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.procore.support.WireMockProcore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RateLimitTest extends WireMockProcore {
    private static final String ME = "{\"id\":1,\"login\":\"svc\",\"name\":\"svc\"}";

    private int meRequests() {
        return wm.findAll(getRequestedFor(urlPathEqualTo("/rest/v1.0/me"))).size();
    }

    @Test
    void exhaustedBudget_nextCallWaitsForTheReset_andNothingReachesTheServerEarly() {
        ProcoreClient c = warmClient();
        Instant reset = clock.instant().plusSeconds(20);
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).willReturn(json(200, ME)
                .withHeader("X-Rate-Limit-Limit", "3600").withHeader("X-Rate-Limit-Remaining", "0")
                .withHeader("X-Rate-Limit-Reset", String.valueOf(reset.getEpochSecond()))));
        c.companies().me();
        List<Integer> seenWhileWaiting = new CopyOnWriteArrayList<>();
        List<Instant> clockWhileWaiting = new CopyOnWriteArrayList<>();
        sleeper.beforeSleep(() -> {
            seenWhileWaiting.add(meRequests());
            clockWhileWaiting.add(clock.instant());
        });

        c.companies().me();

        // the reset header is whole seconds, so the client waits one second past it
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(21));
        assertThat(seenWhileWaiting).containsExactly(1);
        assertThat(clockWhileWaiting).allSatisfy(t -> assertThat(t).isBefore(reset));
        assertThat(clock.instant()).isEqualTo(reset.plusSeconds(1));
        assertThat(meRequests()).isEqualTo(2);
    }

    @Test
    void lowBudget_spreadsCallsOverTheWindow() {
        ProcoreClient c = warmClient();
        Instant reset = clock.instant().plusSeconds(100);
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).willReturn(json(200, ME)
                .withHeader("X-Rate-Limit-Limit", "100").withHeader("X-Rate-Limit-Remaining", "4")
                .withHeader("X-Rate-Limit-Reset", String.valueOf(reset.getEpochSecond()))));
        c.companies().me();
        c.companies().me();
        c.companies().me();
        assertThat(sleeper.total()).isPositive();
        assertThat(clock.instant()).isBefore(reset);
    }

    @Test
    void a429_waitsUntilTheReset_thenSucceeds() {
        ProcoreClient c = warmClient();
        Instant reset = clock.instant().plusSeconds(20);
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "text/plain")
                        .withHeader("X-Rate-Limit-Limit", "3600").withHeader("X-Rate-Limit-Remaining", "0")
                        .withHeader("X-Rate-Limit-Reset", String.valueOf(reset.getEpochSecond()))
                        .withBody("You have surpassed the max number of requests for an hour. Please wait until your limit resets."))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).inScenario("429").whenScenarioStateIs("ok").willReturn(json(200, ME)));
        List<Integer> seenWhileWaiting = new CopyOnWriteArrayList<>();
        sleeper.beforeSleep(() -> seenWhileWaiting.add(meRequests()));

        assertThat(c.companies().me().id()).isEqualTo(1L);

        assertThat(seenWhileWaiting).isNotEmpty().allSatisfy(n -> assertThat(n).isEqualTo(1));
        assertThat(clock.instant()).isAfterOrEqualTo(reset);
        assertThat(meRequests()).isEqualTo(2);
    }

    @Test
    void aResetFurtherAwayThanHalfAMinute_isReported_notSleptThrough_soAQueuedItemCanBeRequeued() {
        ProcoreClient c = warmClient();
        Instant reset = clock.instant().plus(Duration.ofMinutes(20)); // the hourly budget is spent
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).willReturn(json(200, ME)
                .withHeader("X-Rate-Limit-Limit", "3600").withHeader("X-Rate-Limit-Remaining", "0")
                .withHeader("X-Rate-Limit-Reset", String.valueOf(reset.getEpochSecond()))));
        c.companies().me();

        io.mlconnector.core.error.RateLimitedException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.mlconnector.core.error.RateLimitedException.class, () -> c.companies().me());

        assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(19)));
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(meRequests()).isEqualTo(1);
    }

    @Test
    void a503_honoursRetryAfter() {
        ProcoreClient c = warmClient();
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).inScenario("503").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7").withBody("maintenance"))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).inScenario("503").whenScenarioStateIs("ok").willReturn(json(200, ME)));

        c.companies().me();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(meRequests()).isEqualTo(2);
    }

    @Test
    void persistent429_endsInATypedError_withThePlainTextMessage() {
        stubToken("tok-1", 5400);
        stubProjects();
        ProcoreClient c = builder().retryPolicy(RetryPolicy.builder().maxAttempts(2).baseDelay(Duration.ofMillis(1)).build()).build();
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).willReturn(aResponse().withStatus(429)
                .withHeader("X-Request-Id", "req-429").withBody("You have surpassed the max number of requests for an hour.")));

        assertThatThrownBy(() -> c.companies().me()).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.error().message()).startsWith("You have surpassed");
            assertThat(e.requestId()).isEqualTo("req-429");
        });
        assertThat(meRequests()).isEqualTo(2);
    }
}
