package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.observe.HttpAttemptEvent;
import io.mlconnector.core.observe.HttpRetryEvent;
import io.mlconnector.core.observe.RateBudget;
import io.mlconnector.core.observe.RateLimitWaitEvent;
import io.mlconnector.core.observe.RecordingListener;
import io.mlconnector.core.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport's listener events and INFO logs: attempts, retries, 429s and rate-limit waits with the budget. */
class HttpTransportObservabilityTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String PATH = "/rest/v1.0/projects/316469/requisitions";

    private static WireMockServer server;
    private final MutableClock clock = new MutableClock(T0);
    private final FakeSleeper sleeper = new FakeSleeper(clock);
    private final RecordingListener heard = new RecordingListener();

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static ApiRequest get(String pathAndQuery) {
        return ApiRequest.builder(HttpMethod.GET, URI.create(server.baseUrl() + pathAndQuery)).build();
    }

    private HeaderRateLimiter limiter() {
        return HeaderRateLimiter.builder().clock(clock).sleeper(sleeper).build();
    }

    private HttpTransport.Builder transport(RateLimiter limiter) {
        return HttpTransport.builder().clock(clock).sleeper(sleeper).system("procore").rateLimiter(limiter)
                .retryPolicy(RetryPolicy.builder().random(new Random(7)).build()).listener(heard);
    }

    private static String log(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a429_isReportedAsAttemptAndRetry_thenTheRateLimitWait_allWithTheBudgetLeft_andLoggedAtInfo() {
        long reset = T0.getEpochSecond() + 5;
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(PATH)).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("open")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("X-Rate-Limit-Limit", "100").withHeader("X-Rate-Limit-Remaining", "0")
                        .withHeader("X-Rate-Limit-Reset", String.valueOf(reset))));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(PATH)).inScenario("limited")
                .whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withBody("[]")
                        .withHeader("X-Rate-Limit-Limit", "100").withHeader("X-Rate-Limit-Remaining", "99")
                        .withHeader("X-Rate-Limit-Reset", String.valueOf(reset + 3600))));
        HttpTransport t = transport(limiter()).build();

        String log = log(() -> t.send(get(PATH + "?access_token=secret-token")));

        List<HttpAttemptEvent> attempts = heard.events(HttpAttemptEvent.class);
        assertThat(attempts).extracting(HttpAttemptEvent::status).containsExactly(429, 200);
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.system()).isEqualTo("procore");
            assertThat(a.method()).isEqualTo(HttpMethod.GET);
            assertThat(a.path()).isEqualTo("/rest/v1.0/projects/{id}/requisitions");
        });
        assertThat(attempts).extracting(HttpAttemptEvent::attempt).containsExactly(1, 2);
        assertThat(attempts.get(0).budget()).isEqualTo(new RateBudget(100, 0, Instant.ofEpochSecond(reset)));
        assertThat(attempts.get(1).budget().remaining()).isEqualTo(99);

        assertThat(heard.events(HttpRetryEvent.class)).singleElement().satisfies(r -> {
            assertThat(r.rateLimited()).isTrue();
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.delay()).isEqualTo(Duration.ofSeconds(2));
            assertThat(r.budget().remaining()).isZero();
        });
        // Retry-After 2 s, then the exhausted window holds the next attempt until its reset 3 s later
        assertThat(heard.events(RateLimitWaitEvent.class)).singleElement().satisfies(w -> {
            assertThat(w.system()).isEqualTo("procore");
            assertThat(w.waited()).isEqualTo(Duration.ofSeconds(3));
        });

        assertThat(log).contains("INFO").contains("procore GET /rest/v1.0/projects/{id}/requisitions failed with "
                + "HTTP 429 on attempt 1 of").contains("retrying in PT2S; rate-limit budget left: 0 of 100")
                .contains("waited PT3S for the rate limit");
        assertThat(log).doesNotContain("secret-token");
    }

    @Test
    void a429NotRetried_isLoggedAtInfoWithTheBudget() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/later")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")
                        .withHeader("X-Rate-Limit-Limit", "3600").withHeader("X-Rate-Limit-Remaining", "0")
                        .withHeader("X-Rate-Limit-Reset", String.valueOf(T0.getEpochSecond() + 600))));
        HttpTransport t = transport(limiter()).build();

        String log = log(() -> catchThrowableOfType(RateLimitedException.class, () -> t.send(get("/later"))));

        assertThat(log).contains("INFO").contains("answered 429 on attempt 1; not retried (Retry-After PT10M)")
                .contains("budget left: 0 of 3600");
        assertThat(heard.events(HttpRetryEvent.class)).isEmpty();
        assertThat(heard.events(HttpAttemptEvent.class)).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(429));
    }

    @Test
    void latency_isMeasuredOnTheInjectedClock_andAThrowingListenerDoesNotBreakTheCall() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/me")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        AtomicInteger reads = new AtomicInteger();
        Clock stepping = new Clock() { // each reading is 40 ms after the previous one
            @Override
            public Instant instant() {
                return T0.plusMillis(40L * reads.getAndIncrement());
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        ConnectorListener hostile = new ConnectorListener() {
            @Override
            public void onHttpAttempt(HttpAttemptEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        HttpTransport t = HttpTransport.builder().clock(stepping).listener(hostile).listener(heard).build();

        ApiResponse r = t.send(get("/me"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(heard.events(HttpAttemptEvent.class)).singleElement().satisfies(a -> {
            assertThat(a.latency()).isEqualTo(Duration.ofMillis(40));
            assertThat(a.system()).isEqualTo("http");
            assertThat(a.budget()).isNull();
        });
        assertThat(t.withSystem("freshbooks").system()).isEqualTo("freshbooks");
    }

    @Test
    void anIoFailure_isAnAttemptWithStatusZero_andARetry() {
        ScriptedHttpClient client = new ScriptedHttpClient()
                .then(new ScriptedHttpClient.Fail(new java.net.ConnectException("refused")))
                .then(new ScriptedHttpClient.Answer(200, "{}"));
        HttpTransport t = HttpTransport.builder().httpClient(client).clock(clock).sleeper(sleeper)
                .retryPolicy(RetryPolicy.builder().random(new Random(7)).build()).listener(heard).build();

        t.send(ApiRequest.builder(HttpMethod.GET, URI.create("http://127.0.0.1:9/ping")).build());

        assertThat(heard.events(HttpAttemptEvent.class)).extracting(HttpAttemptEvent::status).containsExactly(0, 200);
        assertThat(heard.events(HttpAttemptEvent.class).get(0).failure()).contains("ConnectException");
        assertThat(heard.events(HttpRetryEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.status()).isZero());
    }
}
