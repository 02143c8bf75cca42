package io.mlconnector.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.observe.EngineHealth;
import io.mlconnector.core.observe.HttpAttemptEvent;
import io.mlconnector.core.observe.HttpRetryEvent;
import io.mlconnector.core.observe.PollEvent;
import io.mlconnector.core.observe.RateBudget;
import io.mlconnector.core.observe.RateLimitWaitEvent;
import io.mlconnector.core.observe.ReauthorizationEvent;
import io.mlconnector.core.observe.TokenRefreshEvent;
import io.mlconnector.core.observe.WorkEvent;
import io.mlconnector.core.state.WorkStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The connector's events as Micrometer meters. Register one instance as a listener on the engine and on the clients
 * ({@code SyncEngine.builder().listener(metrics)}, {@code ProcoreClient.builder().listener(metrics)},
 * {@code FreshBooksClient.builder().listener(metrics)}), and bind the engine's health for the queue gauges with
 * {@link #bindHealth(Supplier)}. Tag values are lower case; no tag carries business data.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #POLL}</td><td>timer</td><td>connection, stream, outcome (succeeded, failed, not_leader)</td>
 *       <td>one poll of one stream</td></tr>
 *   <tr><td>{@value #POLL_RECORDS}</td><td>counter</td><td>connection, stream</td><td>changed records listed</td></tr>
 *   <tr><td>{@value #WORK}</td><td>counter</td><td>connection, type, outcome (posted, updated, flagged, retried,
 *       dead_lettered, skipped_echo, skipped_duplicate…)</td><td>work outcomes, intake drops included</td></tr>
 *   <tr><td>{@value #WORK_DURATION}</td><td>timer</td><td>connection, type</td><td>processing time of an item</td></tr>
 *   <tr><td>{@value #HTTP_REQUESTS}</td><td>timer</td><td>system, method, status (0 when no response), uri (path
 *       template)</td><td>every HTTP attempt</td></tr>
 *   <tr><td>{@value #HTTP_RETRIES}</td><td>counter</td><td>system, method, status</td><td>retries (429s
 *       included)</td></tr>
 *   <tr><td>{@value #RATELIMIT_WAIT}</td><td>timer</td><td>system</td><td>time waited for the rate limit</td></tr>
 *   <tr><td>{@value #RATELIMIT_REMAINING}</td><td>gauge</td><td>system</td><td>budget left in the window closest to
 *       exhaustion, as last reported</td></tr>
 *   <tr><td>{@value #TOKEN_REFRESHES}</td><td>counter</td><td>system, outcome (refreshed, failed,
 *       reauthorization_required)</td><td>token source calls</td></tr>
 *   <tr><td>{@value #REAUTHORIZATION}</td><td>counter</td><td>connection</td><td>grants seen refused for good</td></tr>
 *   <tr><td>{@value #QUEUE_DEPTH}</td><td>gauge</td><td>status (ready, leased, done, parked, dead)</td><td>work items,
 *       all connections ({@link #bindHealth})</td></tr>
 *   <tr><td>{@value #QUEUE_OLDEST_READY_AGE}</td><td>gauge (seconds)</td><td></td><td>wait of the oldest due ready
 *       item</td></tr>
 *   <tr><td>{@value #HEALTH}</td><td>gauge</td><td></td><td>0 healthy, 1 degraded, 2 down</td></tr>
 *   <tr><td>{@value #STREAMS_FAILING}</td><td>gauge</td><td></td><td>polled streams failing</td></tr>
 *   <tr><td>{@value #REAUTHORIZATION_PENDING}</td><td>gauge</td><td></td><td>connections needing
 *       re-authorization</td></tr>
 * </table>
 *
 * Thread-safe.
 */
public final class ConnectorMetrics implements ConnectorListener {
    /** Timer of polls. */
    public static final String POLL = "mlconnector.poll";
    /** Counter of changed records listed by polls. */
    public static final String POLL_RECORDS = "mlconnector.poll.records";
    /** Counter of work outcomes. */
    public static final String WORK = "mlconnector.work";
    /** Timer of work item processing. */
    public static final String WORK_DURATION = "mlconnector.work.duration";
    /** Timer of HTTP attempts. */
    public static final String HTTP_REQUESTS = "mlconnector.http.requests";
    /** Counter of HTTP retries. */
    public static final String HTTP_RETRIES = "mlconnector.http.retries";
    /** Timer of rate-limit waits. */
    public static final String RATELIMIT_WAIT = "mlconnector.ratelimit.wait";
    /** Gauge of the rate-limit budget left. */
    public static final String RATELIMIT_REMAINING = "mlconnector.ratelimit.remaining";
    /** Counter of token refreshes. */
    public static final String TOKEN_REFRESHES = "mlconnector.token.refreshes";
    /** Counter of refused grants seen by the engine. */
    public static final String REAUTHORIZATION = "mlconnector.reauthorization.required";
    /** Gauge of work items per status. */
    public static final String QUEUE_DEPTH = "mlconnector.queue.depth";
    /** Gauge of the oldest due ready item's wait, in seconds. */
    public static final String QUEUE_OLDEST_READY_AGE = "mlconnector.queue.oldest.ready.age";
    /** Gauge of the overall health: 0 healthy, 1 degraded, 2 down. */
    public static final String HEALTH = "mlconnector.health";
    /** Gauge of failing polled streams. */
    public static final String STREAMS_FAILING = "mlconnector.streams.failing";
    /** Gauge of connections needing re-authorization. */
    public static final String REAUTHORIZATION_PENDING = "mlconnector.reauthorization.pending";

    private final MeterRegistry registry;
    private final Tags common;
    private final Duration healthMaxAge;
    private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();

    private ConnectorMetrics(Builder b) {
        this.registry = b.registry;
        this.common = b.common;
        this.healthMaxAge = b.healthMaxAge;
    }

    /**
     * Metrics into {@code registry} with the defaults (no extra tags, health read at most every 5 seconds).
     *
     * @param registry the registry the meters are registered in
     * @return the metrics listener
     */
    public static ConnectorMetrics of(MeterRegistry registry) {
        return builder(registry).build();
    }

    /**
     * Starts a configuration writing into {@code registry}.
     *
     * @param registry the registry the meters are registered in
     * @return a new builder
     * @throws NullPointerException if {@code registry} is null
     */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    // ---------------------------------------------------------------- listener

    @Override
    public void onPoll(PollEvent e) {
        Tags tags = common.and("connection", e.connectionId(), "stream", lower(e.stream()));
        Timer.builder(POLL).description("Polls of one stream of one connection")
                .tags(tags.and("outcome", lower(e.outcome()))).register(registry).record(e.duration());
        Counter.builder(POLL_RECORDS).description("Changed records listed by polls").tags(tags).register(registry)
                .increment(e.found());
    }

    @Override
    public void onWork(WorkEvent e) {
        Tags tags = common.and("connection", e.connectionId(), "type", e.workType());
        Counter.builder(WORK).description("Work outcomes").tags(tags.and("outcome", lower(e.outcome())))
                .register(registry).increment();
        if (e.workItemId() != null) {
            Timer.builder(WORK_DURATION).description("Processing time of work items").tags(tags).register(registry)
                    .record(e.duration());
        }
    }

    @Override
    public void onHttpAttempt(HttpAttemptEvent e) {
        Timer.builder(HTTP_REQUESTS).description("HTTP attempts, retries included")
                .tags(common.and("system", e.system(), "method", e.method().name(), "status",
                        String.valueOf(e.status()), "uri", e.path())).register(registry).record(e.latency());
        budget(e.system(), e.budget());
    }

    @Override
    public void onHttpRetry(HttpRetryEvent e) {
        Counter.builder(HTTP_RETRIES).description("HTTP retries (429s included)")
                .tags(common.and("system", e.system(), "method", e.method().name(), "status",
                        String.valueOf(e.status()))).register(registry).increment();
        budget(e.system(), e.budget());
    }

    @Override
    public void onRateLimitWait(RateLimitWaitEvent e) {
        Timer.builder(RATELIMIT_WAIT).description("Time waited for the rate limit")
                .tags(common.and("system", e.system())).register(registry).record(e.waited());
        budget(e.system(), e.budget());
    }

    @Override
    public void onTokenRefresh(TokenRefreshEvent e) {
        Counter.builder(TOKEN_REFRESHES).description("Token source calls")
                .tags(common.and("system", e.system(), "outcome", lower(e.outcome()))).register(registry).increment();
    }

    @Override
    public void onReauthorizationRequired(ReauthorizationEvent e) {
        Counter.builder(REAUTHORIZATION).description("Grants the engine saw refused for good")
                .tags(common.and("connection", e.connectionId())).register(registry).increment();
    }

    private void budget(String system, RateBudget budget) {
        if (budget == null) {
            return;
        }
        remaining.computeIfAbsent(system, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(RATELIMIT_REMAINING, value, AtomicLong::doubleValue)
                    .description("Rate-limit budget left in the window closest to exhaustion")
                    .tags(common.and("system", s)).strongReference(true).register(registry);
            return value;
        }).set(budget.remaining());
    }

    // ---------------------------------------------------------------- health

    /**
     * Registers the health gauges ({@value #QUEUE_DEPTH} per status, {@value #QUEUE_OLDEST_READY_AGE},
     * {@value #HEALTH}, {@value #STREAMS_FAILING}, {@value #REAUTHORIZATION_PENDING}) read from {@code health},
     * usually {@code engine::health}. One report serves every gauge of a scrape: it is read again only when older
     * than the configured maximum age (by the registry's clock). A report that cannot be made reads as NaN.
     *
     * @param health where a health report is read, e.g. {@code engine::health}
     * @return this
     */
    public ConnectorMetrics bindHealth(Supplier<EngineHealth> health) {
        HealthCache cache = new HealthCache(Objects.requireNonNull(health, "health"), registry.config().clock(),
                healthMaxAge);
        for (WorkStatus s : WorkStatus.values()) {
            gauge(QUEUE_DEPTH, "Work items per status, all connections", common.and("status", lower(s)), cache,
                    h -> h.queue().count(s));
        }
        gauge(QUEUE_OLDEST_READY_AGE, "Seconds the oldest due ready work item has waited", common, cache,
                h -> h.oldestReadyAge().toMillis() / 1000.0);
        gauge(HEALTH, "Engine health: 0 healthy, 1 degraded, 2 down", common, cache, h -> h.status().ordinal());
        gauge(STREAMS_FAILING, "Polled streams failing", common, cache, EngineHealth::failingStreams);
        gauge(REAUTHORIZATION_PENDING, "Connections needing re-authorization", common, cache,
                EngineHealth::connectionsNeedingReauthorization);
        return this;
    }

    private void gauge(String name, String description, Tags tags, HealthCache cache,
                       ToDoubleFunction<EngineHealth> value) {
        Gauge.builder(name, cache, c -> c.read(value)).description(description).tags(tags).strongReference(true)
                .register(registry);
    }

    /** One health report shared by the gauges of a scrape. */
    private static final class HealthCache {
        private final Supplier<EngineHealth> source;
        private final Clock clock;
        private final long maxAgeNanos;
        private EngineHealth last;
        private long readAt;

        HealthCache(Supplier<EngineHealth> source, Clock clock, Duration maxAge) {
            this.source = source;
            this.clock = clock;
            this.maxAgeNanos = maxAge.toNanos();
        }

        synchronized double read(ToDoubleFunction<EngineHealth> value) {
            long now = clock.monotonicTime();
            if (last == null || now - readAt >= maxAgeNanos) {
                try {
                    last = source.get();
                    readAt = now;
                } catch (RuntimeException e) {
                    last = null;
                    return Double.NaN;
                }
            }
            return value.applyAsDouble(last);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Builder for {@link ConnectorMetrics}. */
    public static final class Builder {
        private final MeterRegistry registry;
        private Tags common = Tags.empty();
        private Duration healthMaxAge = Duration.ofSeconds(5);

        private Builder(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Tags added to every meter (e.g. {@code node}).
         *
         * @param keyValues tag keys and values, alternating
         * @return this builder
         */
        public Builder commonTags(String... keyValues) {
            this.common = common.and(keyValues);
            return this;
        }

        /**
         * How old a health report may be before a gauge reads a new one (default 5 seconds; zero reads one per
         * gauge read).
         *
         * @param value the maximum age, zero or positive
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is negative
         */
        public Builder healthMaxAge(Duration value) {
            if (Objects.requireNonNull(value, "healthMaxAge").isNegative()) {
                throw new IllegalArgumentException("healthMaxAge must not be negative");
            }
            this.healthMaxAge = value;
            return this;
        }

        /**
         * Builds the metrics listener; register it on the engine and the clients, and call
         * {@link ConnectorMetrics#bindHealth} for the health gauges.
         *
         * @return the new metrics listener
         */
        public ConnectorMetrics build() {
            return new ConnectorMetrics(this);
        }
    }
}
