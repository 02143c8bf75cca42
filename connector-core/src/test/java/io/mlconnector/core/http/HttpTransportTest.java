package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.ApiException;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.OutcomeUncertainException;
import io.mlconnector.core.error.PermissionException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.ServerException;
import io.mlconnector.core.error.TransportException;
import io.mlconnector.core.error.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpTransportTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String TOKEN = "sk-live-0123456789abcdef";

    private static WireMockServer server;
    private final MutableClock clock = new MutableClock(T0);
    private final FakeSleeper sleeper = new FakeSleeper(clock);

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort());
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

    private HttpTransport.Builder transport() {
        return HttpTransport.builder()
                .clock(clock)
                .sleeper(sleeper)
                .requestTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().random(new Random(7)).build());
    }

    private static URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private static ApiRequest get(String path) {
        return ApiRequest.builder(HttpMethod.GET, uri(path)).build();
    }

    private static ApiRequest post(String path, String json) {
        return ApiRequest.builder(HttpMethod.POST, uri(path)).jsonBody(json).build();
    }

    private static int requestsSoFar() {
        return server.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
    }

    // ---- retries

    @Test
    void get_503Then200_succeedsOnTheSecondAttempt() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/bills").inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(503)));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/bills").inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        HttpTransport t = transport().build();

        ApiResponse r = t.send(get("/bills"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyAsString()).isEqualTo("{\"ok\":true}");
        server.verify(2, getRequestedFor(urlEqualTo("/bills")));
        assertThat(t.requestCount()).isEqualTo(2);
        assertThat(sleeper.sleeps()).hasSize(1);
        // first backoff: 500 ms jittered into [250, 500] ms
        assertThat(sleeper.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    private void stubFailureThenOk(String path, int status, String retryAfter) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlEqualTo(path)).inScenario(path)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(status).withHeader("Retry-After", retryAfter)));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlEqualTo(path)).inScenario(path)
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @Test
    void retryAfterSeconds_waitsExactlyThatLong_onTheInjectedClock() {
        stubFailureThenOk("/slow", 503, "2");

        transport().build().send(get("/slow"));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(2));
        server.verify(2, getRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void retryAfterHttpDate_waitsUntilThatInstant() {
        stubFailureThenOk("/dated", 429, "Sat, 01 Mar 2025 10:00:07 GMT");

        transport().build().send(get("/dated"));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterLongerThanThePolicyAccepts_isNotSleptThrough_inLine() {
        stubFailureThenOk("/capped", 503, "86400");
        RetryPolicy policy = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(90)).build();

        assertThatThrownBy(() -> transport().retryPolicy(policy).build().send(get("/capped")))
                .isInstanceOf(io.mlconnector.core.error.ServerException.class);

        assertThat(sleeper.sleeps()).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo("/capped")));
    }

    @Test
    void a429WhoseRetryAfterOutlastsAWorkItemsLease_endsTheCallWithTheHint_insteadOfSleepingTenMinutes() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/later")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                () -> transport().build().send(get("/later")));

        assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(sleeper.sleeps()).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo("/later")));
    }

    @Test
    void persistent429_raisesRateLimitedException_withTheRetryAfter_afterTheAttemptLimit() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/busy")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")
                        .withHeader("X-Request-Id", "req-429").withBody("{\"error\":\"slow down\"}")));
        HttpTransport t = transport().retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build();

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> t.send(get("/busy")));

        assertThat(e).isNotNull();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.requestId()).isEqualTo("req-429");
        assertThat(e.isRetryable()).isTrue();
        server.verify(3, getRequestedFor(urlEqualTo("/busy")));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void post_429_isRetried_becauseTheServerDidNotProcessIt() {
        stubFailureThenOk("/create", 429, "1");

        ApiResponse r = transport().build().send(post("/create", "{\"a\":1}"));

        assertThat(r.status()).isEqualTo(200);
        server.verify(2, postRequestedFor(urlEqualTo("/create")).withRequestBody(equalToJson("{\"a\":1}")));
    }

    @Test
    void post_503_isNotRetried() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/create")
                .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> transport().build().send(post("/create", "{}"))).isInstanceOf(ServerException.class);

        server.verify(1, postRequestedFor(urlEqualTo("/create")));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void post_markedIdempotent_isRetriedOn503() {
        stubFailureThenOk("/upsert", 503, "1");
        ApiRequest upsert = ApiRequest.builder(HttpMethod.POST, uri("/upsert")).jsonBody("{}").idempotent(true).build();

        assertThat(transport().build().send(upsert).status()).isEqualTo(200);
        server.verify(2, postRequestedFor(urlEqualTo("/upsert")));
    }

    @Test
    void get_500_isNotRetried_but502And504Are() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/boom").willReturn(aResponse().withStatus(500)));
        stubFailureThenOk("/gw", 502, "1");
        stubFailureThenOk("/gwt", 504, "1");
        HttpTransport t = transport().build();

        assertThatThrownBy(() -> t.send(get("/boom"))).isInstanceOf(ServerException.class);
        server.verify(1, getRequestedFor(urlEqualTo("/boom")));
        assertThat(t.send(get("/gw")).status()).isEqualTo(200);
        assertThat(t.send(get("/gwt")).status()).isEqualTo(200);
    }

    // ---- timeouts and network failures

    @Test
    void timedOutPost_raisesOutcomeUncertain_andIsSentExactlyOnce() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/requisitions")
                .willReturn(aResponse().withStatus(201).withFixedDelay(1500)));
        HttpTransport t = transport().requestTimeout(Duration.ofMillis(150)).build();

        OutcomeUncertainException e = catchThrowableOfType(OutcomeUncertainException.class,
                () -> t.send(post("/requisitions", "{\"origin_id\":\"fb:1:bill:9\"}")));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("POST").contains("/requisitions").contains("not re-sent");
        server.verify(1, postRequestedFor(urlEqualTo("/requisitions")));
        assertThat(t.requestCount()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void timedOutGet_isRetried() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/vendors").inScenario("slow-first")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fast")
                .willReturn(aResponse().withStatus(200).withBody("[\"late\"]").withFixedDelay(1500)));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/vendors").inScenario("slow-first")
                .whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(200).withBody("[\"fast\"]")));
        HttpTransport t = transport().requestTimeout(Duration.ofMillis(150)).build();

        ApiResponse r = t.send(get("/vendors"));

        assertThat(r.bodyAsString()).isEqualTo("[\"fast\"]");
        server.verify(2, getRequestedFor(urlEqualTo("/vendors")));
        assertThat(sleeper.sleeps()).hasSize(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void connectionRefusedPost_isRetried_becauseItWasNeverSent() throws IOException {
        int port = freePort();
        WireMockServer late = new WireMockServer(options().port(port));
        try {
            // the server comes up while the transport backs off after the refused connection
            Sleeper startServerWhileWaiting = d -> {
                sleeper.sleep(d);
                if (!late.isRunning()) {
                    late.start();
                    late.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/direct_costs")
                            .willReturn(aResponse().withStatus(201).withBody("{\"id\":5}")));
                }
            };
            HttpTransport t = transport().sleeper(startServerWhileWaiting).build();
            ApiRequest create = ApiRequest.builder(HttpMethod.POST, URI.create("http://localhost:" + port + "/direct_costs"))
                    .jsonBody("{}").build();

            ApiResponse r = t.send(create);

            assertThat(r.status()).isEqualTo(201);
            assertThat(t.requestCount()).isEqualTo(2);
            late.verify(1, postRequestedFor(urlEqualTo("/direct_costs")));
        } finally {
            late.stop();
        }
    }

    @Test
    void connectionRefusedOnEveryAttempt_raisesTransportException_notOutcomeUncertain() throws IOException {
        int port = freePort();
        HttpTransport t = transport().retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build();
        ApiRequest create = ApiRequest.builder(HttpMethod.POST, URI.create("http://localhost:" + port + "/x"))
                .jsonBody("{}").build();

        assertThatThrownBy(() -> t.send(create))
                .isInstanceOf(TransportException.class)
                .isNotInstanceOf(OutcomeUncertainException.class)
                .hasMessageContaining("3 attempt(s)");
        assertThat(t.requestCount()).isEqualTo(3);
        assertThat(sleeper.sleeps()).hasSize(2);
    }

    // ---- pagination

    private static void stubPage(int page, boolean hasNext) {
        String items = java.util.stream.IntStream.rangeClosed(1, 3)
                .mapToObj(i -> "\"p" + page + "-" + i + "\"").collect(Collectors.joining(","));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/items"))
                .withQueryParam("page", equalTo(Integer.toString(page)))
                .willReturn(aResponse().withStatus(200)
                        .withBody("{\"items\":[" + items + "],\"has_next\":" + hasNext + "}")));
    }

    private Page<String> fetchPage(HttpTransport t, ObjectMapper json, int page) {
        try {
            JsonNode body = json.readTree(t.send(get("/items?page=" + page)).body());
            List<String> items = new ArrayList<>();
            body.get("items").forEach(n -> items.add(n.asText()));
            return Page.of(items, body.get("has_next").asBoolean());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pagination_isLazy_takingFiveItemsNeverRequestsPageThree() {
        stubPage(1, true);
        stubPage(2, true);
        stubPage(3, false);
        HttpTransport t = transport().build();
        ObjectMapper json = ConnectorJson.newObjectMapper();

        List<String> firstFive = Paginator.stream(p -> fetchPage(t, json, p)).limit(5).toList();

        assertThat(firstFive).containsExactly("p1-1", "p1-2", "p1-3", "p2-1", "p2-2");
        server.verify(1, getRequestedFor(urlEqualTo("/items?page=1")));
        server.verify(1, getRequestedFor(urlEqualTo("/items?page=2")));
        server.verify(0, getRequestedFor(urlEqualTo("/items?page=3")));
    }

    @Test
    void pagination_consumedFully_readsEveryPageOnce() {
        stubPage(1, true);
        stubPage(2, true);
        stubPage(3, false);
        HttpTransport t = transport().build();
        ObjectMapper json = ConnectorJson.newObjectMapper();

        List<String> all = Paginator.stream(p -> fetchPage(t, json, p)).toList();

        assertThat(all).hasSize(9).endsWith("p3-3");
        assertThat(requestsSoFar()).isEqualTo(3);
    }

    // ---- redaction

    @Test
    void authorization_neverAppearsInLogsOrErrors() throws Exception {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/me")).inScenario("auth")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("denied")
                .willReturn(aResponse().withStatus(503)));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/me")).inScenario("auth")
                .whenScenarioStateIs("denied")
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_token\"}")));
        ApiRequest request = ApiRequest.builder(HttpMethod.GET, uri("/me?access_token=" + TOKEN + "&page=1"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("X-Api-Key", TOKEN)
                .build();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        AuthenticationException thrown;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            HttpTransport t = transport().build();
            thrown = catchThrowableOfType(AuthenticationException.class, () -> t.send(request));
            // the token manager logs the tokens it obtains, masked
            io.mlconnector.core.auth.TokenManager.builder().clock(clock)
                    .source(() -> new io.mlconnector.core.auth.AccessToken(TOKEN, T0.plusSeconds(3600)))
                    .build().token();
        } finally {
            System.setErr(originalErr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        // the log really was captured at debug level, attempt by attempt
        assertThat(log).contains("-> GET").contains("(attempt 2)").contains("obtained AccessToken");
        assertThat(log).contains("[REDACTED]").contains("page=1");
        assertThat(log).doesNotContain(TOKEN).doesNotContain("0123456789abcdef");
        assertThat(thrown).isNotNull();
        assertThat(thrown.getMessage()).doesNotContain(TOKEN);
        // the server did receive the real header
        server.verify(getRequestedFor(urlPathEqualTo("/me")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void apiRequest_toString_redactsCredentials() {
        ApiRequest request = ApiRequest.builder(HttpMethod.POST,
                        URI.create("https://api.example.com/oauth/token?client_secret=s3cr3t&grant_type=refresh_token&refresh_token=rt-99&code=abc"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("X-Procore-Signature", "sig-value")
                .header("Accept", "application/json")
                .jsonBody("{\"refresh_token\":\"rt-99\"}")
                .build();

        String s = request.toString();

        assertThat(s).doesNotContain(TOKEN).doesNotContain("s3cr3t").doesNotContain("rt-99")
                .doesNotContain("sig-value").doesNotContain("=abc");
        assertThat(s).contains("POST").contains("grant_type=refresh_token").contains("Accept=application/json")
                .contains("Authorization=[REDACTED]");
        assertThat(request.withHeader("authorization", "Bearer other").headers())
                .containsEntry("authorization", "Bearer other").doesNotContainKey("Authorization");
    }

    // ---- rate limiting

    @Test
    void exhaustedBudget_nextCallWaitsForTheReset_andNoRequestArrivesEarly() {
        long reset = T0.plusSeconds(30).getEpochSecond();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/projects")
                .willReturn(aResponse().withStatus(200).withBody("[]")
                        .withHeader("X-Rate-Limit-Limit", "3600")
                        .withHeader("X-Rate-Limit-Remaining", "0")
                        .withHeader("X-Rate-Limit-Reset", Long.toString(reset))));
        List<Integer> requestsSeenWhileWaiting = new ArrayList<>();
        HeaderRateLimiter limiter = HeaderRateLimiter.builder().clock(clock).sleeper(d -> {
            requestsSeenWhileWaiting.add(requestsSoFar());
            sleeper.sleep(d);
        }).build();
        HttpTransport t = transport().rateLimiter(limiter).build();

        t.send(get("/projects"));
        assertThat(limiter.remaining()).isZero();
        t.send(get("/projects"));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
        assertThat(requestsSeenWhileWaiting).containsExactly(1);
        assertThat(requestsSoFar()).isEqualTo(2);
        assertThat(limiter.waitCount()).isEqualTo(1);
    }

    @Test
    void withRateLimiter_andWithErrorDecoder_deriveTransportsWithTheSameSettings() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/err")
                .willReturn(aResponse().withStatus(422).withBody("{\"errors\":{\"amount\":[\"is invalid\"]}}")));
        HttpTransport base = transport().build();
        HttpTransport vendor = base.withErrorDecoder(r -> new ApiError(r.status(), "vendor says no",
                List.of("E_AMOUNT"), List.of(new io.mlconnector.core.error.FieldError("amount", "invalid", "is invalid")),
                "req-1", r.bodyAsString()));

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> vendor.send(get("/err")));

        assertThat(e.errorCodes()).containsExactly("E_AMOUNT");
        assertThat(e.fieldErrors()).extracting(io.mlconnector.core.error.FieldError::field).containsExactly("amount");
        assertThat(e.getMessage()).contains("HTTP 422").contains("vendor says no").contains("E_AMOUNT").contains("req-1");
        assertThat(vendor.clock()).isSameAs(clock);
        HttpTransport plain = base.withRateLimiter(RateLimiter.unlimited());
        assertThatThrownBy(() -> plain.send(get("/err"))).isExactlyInstanceOf(ValidationException.class)
                .hasMessageNotContaining("vendor says no");
        assertThat(plain.clock()).isSameAs(clock);
    }

    // ---- error mapping

    @ParameterizedTest
    @CsvSource({
            "400, io.mlconnector.core.error.ValidationException",
            "401, io.mlconnector.core.error.AuthenticationException",
            "403, io.mlconnector.core.error.PermissionException",
            "404, io.mlconnector.core.error.NotFoundException",
            "409, io.mlconnector.core.error.ConflictException",
            "422, io.mlconnector.core.error.ValidationException",
            "429, io.mlconnector.core.error.RateLimitedException",
            "500, io.mlconnector.core.error.ServerException",
            "503, io.mlconnector.core.error.ServerException",
            "418, io.mlconnector.core.error.ApiException"})
    void errorStatuses_mapToTypedExceptions(int status, String type) throws ClassNotFoundException {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/e")
                .willReturn(aResponse().withStatus(status).withHeader("X-Request-Id", "rid-" + status).withBody("nope")));
        HttpTransport t = transport().retryPolicy(RetryPolicy.none()).build();

        ApiException e = catchThrowableOfType(ApiException.class, () -> t.send(get("/e")));

        assertThat(e).isExactlyInstanceOf(Class.forName(type));
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.requestId()).isEqualTo("rid-" + status);
        assertThat(e.error().rawBody()).isEqualTo("nope");
        assertThat(e.getMessage()).contains("HTTP " + status).contains("rid-" + status);
    }

    @Test
    void retryability_followsTheExceptionType() {
        assertThat(ApiException.forError(ApiError.of(503, "x")).isRetryable()).isTrue();
        assertThat(ApiException.forError(ApiError.of(422, "x")).isRetryable()).isFalse();
        assertThat(new TransportException("reset", null).isRetryable()).isTrue();
        assertThat(new NotFoundException(ApiError.of(404, "x")).isRetryable()).isFalse();
        assertThat(new PermissionException(ApiError.of(403, "x")).isRetryable()).isFalse();
        assertThat(new ConflictException(ApiError.of(409, "x")).isRetryable()).isFalse();
        assertThat(new RateLimitedException(ApiError.of(429, "x"), null).isRetryable()).isTrue();
    }

    @Test
    void requestsCarryBodyContentTypeAndUserAgent() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/echo").willReturn(aResponse().withStatus(201)));

        transport().userAgent("my-erp/2.1").build().send(post("/echo", "{\"amount\":\"10.50\"}"));

        server.verify(postRequestedFor(urlEqualTo("/echo"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("my-erp/2.1"))
                .withRequestBody(equalToJson("{\"amount\":\"10.50\"}")));
    }
}
