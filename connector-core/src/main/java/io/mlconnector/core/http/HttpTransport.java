package io.mlconnector.core.http;

import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.ApiException;
import io.mlconnector.core.error.OutcomeUncertainException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.TransportException;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.observe.ConnectorListeners;
import io.mlconnector.core.observe.HttpAttemptEvent;
import io.mlconnector.core.observe.HttpPaths;
import io.mlconnector.core.observe.HttpRetryEvent;
import io.mlconnector.core.observe.RateBudget;
import io.mlconnector.core.observe.RateLimitWaitEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP transport every client uses: {@link java.net.http.HttpClient} with connect and request
 * timeouts, pacing through a {@link RateLimiter}, retries through a {@link RetryPolicy}, error mapping through
 * an {@link ErrorDecoder}, and logging with credentials redacted.
 *
 * <p>Idempotent requests are retried on 429/502/503/504 and I/O errors. A non-idempotent request is retried
 * only when the server certainly did not process it (429, connection refused); if it timed out or the
 * connection broke after sending, {@link OutcomeUncertainException} is raised and the request is never re-sent.
 *
 * <p>Observability: every attempt, retry and rate-limit wait is reported to the {@link ConnectorListener}s given to
 * the builder (tagged with the transport's {@code system} name and the path template, never the query), with
 * latencies by the transport's clock; retries, 429s and rate-limit waits are logged at INFO with the budget left.
 */
public final class HttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final HttpClient client;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final RateLimiter rateLimiter;
    private final ErrorDecoder errorDecoder;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String userAgent;
    private final String system;
    private final ConnectorListeners listeners;
    private final AtomicLong requestCount = new AtomicLong();

    private HttpTransport(Builder b) {
        HttpClient.Builder cb = HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (b.executor != null) {
            cb.executor(b.executor);
        }
        this.client = b.httpClient != null ? b.httpClient : cb.build();
        this.requestTimeout = b.requestTimeout;
        this.retryPolicy = b.retryPolicy;
        this.rateLimiter = b.rateLimiter;
        this.errorDecoder = b.errorDecoder;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.userAgent = b.userAgent;
        this.system = b.system;
        this.listeners = b.listeners;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A copy of this transport's settings with a different error decoder (vendor modules supply theirs).
     *
     * @param decoder a copy of this transport's settings with a different error decoder (vendor modules supply theirs)
     * @return a copy of this transport's settings with a different error decoder (vendor modules supply theirs)
     */
    public HttpTransport withErrorDecoder(ErrorDecoder decoder) {
        return toBuilder().errorDecoder(decoder).build();
    }

    /**
     * A copy of this transport's settings with a different rate limiter.
     *
     * @param limiter the rate limiter the copy uses
     * @return a new transport; this one is unchanged
     */
    public HttpTransport withRateLimiter(RateLimiter limiter) {
        return toBuilder().rateLimiter(limiter).build();
    }

    /**
     * A copy of this transport's settings named {@code system} in its events and logs ({@code freshbooks}…).
     *
     * @param system the API's name, not blank
     * @return a new transport; this one is unchanged
     */
    public HttpTransport withSystem(String system) {
        return toBuilder().system(system).build();
    }

    /**
     * A copy of this transport's settings that also reports to {@code listener}.
     *
     * @param listener the listener added to this transport's listeners
     * @return a new transport; this one is unchanged
     */
    public HttpTransport withListener(ConnectorListener listener) {
        return toBuilder().listener(listener).build();
    }

    /**
     * The name this transport reports in its events ({@code http} unless set).
     *
     * @return the system name
     */
    public String system() {
        return system;
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.httpClient = client;
        b.requestTimeout = requestTimeout;
        b.retryPolicy = retryPolicy;
        b.rateLimiter = rateLimiter;
        b.errorDecoder = errorDecoder;
        b.clock = clock;
        b.sleeper = sleeper;
        b.userAgent = userAgent;
        b.system = system;
        b.listeners = listeners;
        return b;
    }

    /**
     * Requests sent so far (every attempt counts).
     *
     * @return the request count
     */
    public long requestCount() {
        return requestCount.get();
    }

    /**
     * The clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Sends the request, retrying as the policy allows.
     *
     * @param request the API request
     * @return the 2xx response
     * @throws ApiException              for an error status (after retries)
     * @throws OutcomeUncertainException when a non-idempotent request may or may not have been applied
     * @throws TransportException        when the network failed on every attempt
     */
    public ApiResponse send(ApiRequest request) {
        String path = HttpPaths.template(request.uri());
        int attempt = 0;
        while (true) {
            attempt++;
            acquire(request, path);
            java.time.Instant started = clock.instant();
            long startedNanos = System.nanoTime();
            ApiResponse response;
            try {
                requestCount.incrementAndGet();
                LOG.debug("-> {} (attempt {})", request, attempt);
                HttpResponse<byte[]> r = client.send(toHttpRequest(request), HttpResponse.BodyHandlers.ofByteArray());
                response = new ApiResponse(r.statusCode(), r.headers().map(), r.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted during " + request.method() + " " + Redaction.uri(request.uri()), e);
            } catch (IOException e) {
                attempted(request, path, 0, started, attempt, describe(e));
                // refused or not connected in time: the request never left, so even a POST may be re-sent
                boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if (!request.idempotent() && !neverSent) {
                    throw new OutcomeUncertainException(request.method() + " " + Redaction.uri(request.uri())
                            + " failed after sending (" + describe(e) + "); it was not re-sent and may have been applied", e);
                }
                if (attempt >= retryPolicy.maxAttempts()) {
                    throw new TransportException(request.method() + " " + Redaction.uri(request.uri())
                            + " failed after " + attempt + " attempt(s): " + describe(e), e);
                }
                LOG.debug("<- I/O failure on attempt {}: {}", attempt, describe(e));
                retrying(request, path, attempt, 0, retryPolicy.delayAfter(attempt, null), describe(e));
                continue;
            }
            rateLimiter.onResponse(response);
            LOG.debug("<- {} {} in {} ms", response.status(), Redaction.uri(request.uri()),
                    (System.nanoTime() - startedNanos) / 1_000_000);
            attempted(request, path, response.status(), started, attempt, null);
            if (response.isSuccess()) {
                return response;
            }
            int status = response.status();
            Duration hint = response.header("Retry-After").flatMap(v -> RetryAfter.parse(v, clock)).orElse(null);
            boolean mayRepeat = request.idempotent() || status == 429;
            boolean hintTooLong = hint != null && hint.compareTo(retryPolicy.maxRetryAfter()) > 0;
            if (retryPolicy.isRetryableStatus(status) && mayRepeat && attempt < retryPolicy.maxAttempts()
                    && !hintTooLong) {
                retrying(request, path, attempt, status, retryPolicy.delayAfter(attempt, hint), "HTTP " + status);
                continue;
            }
            ApiError error = errorDecoder.decode(response);
            if (status == 429) {
                LOG.info("{} {} {} answered 429 on attempt {}; not retried ({}); rate-limit budget left: {}", system,
                        request.method(), path, attempt, hint == null ? "attempts used up" : "Retry-After " + hint,
                        budgetText());
                throw new RateLimitedException(error, hint);
            }
            throw ApiException.forError(error);
        }
    }

    /** Waits for the rate limiter; a wait is logged at INFO and reported, a refusal logged before it propagates. */
    private void acquire(ApiRequest request, String path) {
        Duration waited;
        try {
            waited = rateLimiter.acquireTimed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the rate limiter", e);
        } catch (RateLimitedException e) {
            LOG.info("{} {} {} not sent: {}; rate-limit budget left: {}", system, request.method(), path,
                    e.getMessage(), budgetText());
            throw e;
        }
        if (waited != null && !waited.isZero() && !waited.isNegative()) {
            RateBudget budget = rateLimiter.budget().orElse(null);
            LOG.info("{} {} {} waited {} for the rate limit; budget left: {}", system, request.method(), path, waited,
                    budget == null ? "unknown" : budget);
            listeners.onRateLimitWait(new RateLimitWaitEvent(system, waited, budget));
        }
    }

    private void attempted(ApiRequest request, String path, int status, java.time.Instant started, int attempt,
                           String failure) {
        if (listeners.isEmpty()) {
            return;
        }
        Duration latency = Duration.between(started, clock.instant());
        listeners.onHttpAttempt(new HttpAttemptEvent(system, request.method(), path, status,
                latency.isNegative() ? Duration.ZERO : latency, attempt, failure, rateLimiter.budget().orElse(null)));
    }

    /** Logs (INFO) and reports a retry, then waits for it. */
    private void retrying(ApiRequest request, String path, int attempt, int status, Duration delay, String why) {
        RateBudget budget = rateLimiter.budget().orElse(null);
        LOG.info("{} {} {} failed with {} on attempt {} of {}; retrying in {}; rate-limit budget left: {}", system,
                request.method(), path, why, attempt, retryPolicy.maxAttempts(), delay,
                budget == null ? "unknown" : budget);
        listeners.onHttpRetry(new HttpRetryEvent(system, request.method(), path, attempt, status, delay, budget));
        pause(delay);
    }

    private String budgetText() {
        return rateLimiter.budget().map(RateBudget::toString).orElse("unknown");
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted during retry backoff", e);
        }
    }

    private static String describe(IOException e) {
        return e instanceof HttpTimeoutException ? "timed out" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private HttpRequest toHttpRequest(ApiRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(requestTimeout);
        request.headers().forEach(b::header);
        if (userAgent != null && request.headers().keySet().stream().noneMatch("User-Agent"::equalsIgnoreCase)) {
            b.header("User-Agent", userAgent);
        }
        byte[] body = request.body();
        HttpRequest.BodyPublisher publisher = body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        return b.method(request.method().name(), publisher).build();
    }

    /** Builder for {@link HttpTransport}. */
    public static final class Builder {
        private HttpClient httpClient;
        private Executor executor;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RateLimiter rateLimiter = RateLimiter.unlimited();
        private ErrorDecoder errorDecoder = ErrorDecoder.plain();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private String userAgent = "ml-connector/0.1";
        private String system = "http";
        private ConnectorListeners listeners = ConnectorListeners.none();

        /**
         * Uses a preconfigured client (its own timeouts apply to connecting).
         *
         * @param value a preconfigured client (its own timeouts apply to connecting)
         * @return this builder
         */
        public Builder httpClient(HttpClient value) {
            this.httpClient = value;
            return this;
        }

        /**
         * Sets the executor.
         *
         * @param value the executor
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = value;
            return this;
        }

        /**
         * Sets the connect timeout.
         *
         * @param value the connect timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the request timeout.
         *
         * @param value the request timeout
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the retry policy.
         *
         * @param value the retry policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the rate limiter.
         *
         * @param value the rate limiter
         * @return this builder
         */
        public Builder rateLimiter(RateLimiter value) {
            this.rateLimiter = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the error decoder.
         *
         * @param value the error decoder
         * @return this builder
         */
        public Builder errorDecoder(ErrorDecoder value) {
            this.errorDecoder = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the sleeper.
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the user agent.
         *
         * @param value the user agent
         * @return this builder
         */
        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        /**
         * The API's name in events and logs, e.g. {@code freshbooks} or {@code procore} (default {@code http}).
         *
         * @param value the name, not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is blank
         */
        public Builder system(String value) {
            if (Objects.requireNonNull(value, "system").isBlank()) {
                throw new IllegalArgumentException("system must not be blank");
            }
            this.system = value;
            return this;
        }

        /**
         * Adds a listener told of every attempt, retry and rate-limit wait; may be called several times.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(ConnectorListener value) {
            this.listeners = listeners.and(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Builds the {@code HttpTransport} from the settings given so far.
         *
         * @return the new {@code HttpTransport}
         */
        public HttpTransport build() {
            return new HttpTransport(this);
        }
    }
}
