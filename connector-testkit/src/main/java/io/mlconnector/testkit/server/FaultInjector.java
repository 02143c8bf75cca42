package io.mlconnector.testkit.server;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtime-settable faults for a sandbox's HTTP side: added latency, a random 5xx rate, a burst of 503s with
 * {@code Retry-After}, and dropped connections. All setters are thread-safe and take effect on the next request.
 */
public final class FaultInjector {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);

    private final Random random;
    private volatile Duration latencyMin = Duration.ZERO;
    private volatile Duration latencyMax = Duration.ZERO;
    private volatile double errorRate;
    private volatile int errorStatus = 500;
    private final AtomicInteger unavailableBurst = new AtomicInteger();
    private volatile Duration retryAfter = Duration.ofSeconds(1);
    private final AtomicInteger resetBurst = new AtomicInteger();
    private volatile double resetRate;
    private volatile Predicate<String> scope = p -> true;
    private final AtomicLong injected = new AtomicLong();

    /**
     * Faults drawing randomness from {@code random} (seed it for repeatable runs).
     *
     * @param random the random
     */
    public FaultInjector(Random random) {
        this.random = random;
    }

    /**
     * Adds a fixed delay before every answer.
     *
     * @param fixed a fixed delay before every answer
     * @return the latency
     */
    public FaultInjector latency(Duration fixed) {
        return latency(fixed, fixed);
    }

    /**
     * Adds a random delay, uniform in [min, max], before every answer.
     *
     * @param min the min
     * @param max the max
     * @return the latency
     */
    public FaultInjector latency(Duration min, Duration max) {
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max < min");
        }
        this.latencyMin = min;
        this.latencyMax = max;
        return this;
    }

    /**
     * Answers this fraction (0..1) of requests with HTTP 500.
     *
     * @param rate the rate
     * @return the error rate
     */
    public FaultInjector errorRate(double rate) {
        return errorRate(rate, 500);
    }

    /**
     * Answers this fraction (0..1) of requests with the given 5xx status.
     *
     * @param rate the rate
     * @param status the status
     * @return the error rate
     */
    public FaultInjector errorRate(double rate, int status) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be in [0,1]");
        }
        this.errorRate = rate;
        this.errorStatus = status;
        return this;
    }

    /**
     * Answers the next {@code count} requests with 503 and {@code Retry-After: <seconds>}.
     *
     * @param count the count
     * @param retryAfter the retry after
     * @return the service unavailable
     */
    public FaultInjector serviceUnavailable(int count, Duration retryAfter) {
        this.retryAfter = retryAfter;
        this.unavailableBurst.set(count);
        return this;
    }

    /**
     * Drops the connection of the next {@code count} requests without answering.
     *
     * @param count the count
     * @return this fault injector
     */
    public FaultInjector connectionResets(int count) {
        this.resetBurst.set(count);
        return this;
    }

    /**
     * Drops the connection of this fraction (0..1) of requests.
     *
     * @param rate the rate
     * @return this fault injector
     */
    public FaultInjector connectionResetRate(double rate) {
        this.resetRate = rate;
        return this;
    }

    /**
     * Applies the faults only to request paths accepted by {@code pathFilter} (default: all paths).
     *
     * @param pathFilter the path filter
     * @return this fault injector
     */
    public FaultInjector onlyFor(Predicate<String> pathFilter) {
        this.scope = pathFilter;
        return this;
    }

    /**
     * Removes every fault.
     *
     * @return the clear
     */
    public FaultInjector clear() {
        latencyMin = Duration.ZERO;
        latencyMax = Duration.ZERO;
        errorRate = 0;
        unavailableBurst.set(0);
        resetBurst.set(0);
        resetRate = 0;
        scope = p -> true;
        return this;
    }

    /**
     * How many requests were answered by a fault (error, 503 or reset) so far.
     *
     * @return how many requests were answered by a fault (error, 503 or reset) so far
     */
    public long injectedCount() {
        return injected.get();
    }

    /**
     * This injector as a request filter; {@code errorBody} shapes the body of injected 5xx answers.
     *
     * @param errorBody the error body
     * @return this injector as a request filter
     */
    public RequestFilter asFilter(java.util.function.IntFunction<SandboxResponse> errorBody) {
        return (request, next) -> {
            if (!scope.test(request.path())) {
                return next.handle(request);
            }
            sleepLatency();
            if (takeOne(resetBurst) || chance(resetRate)) {
                injected.incrementAndGet();
                LOG.debug("fault: dropping connection of {}", request);
                return SandboxResponse.connectionReset();
            }
            if (takeOne(unavailableBurst)) {
                injected.incrementAndGet();
                long seconds = Math.max(0, retryAfter.toSeconds());
                return errorBody.apply(503).withHeader("Retry-After", Long.toString(seconds));
            }
            if (chance(errorRate)) {
                injected.incrementAndGet();
                return errorBody.apply(errorStatus);
            }
            return next.handle(request);
        };
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private boolean chance(double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }

    private void sleepLatency() {
        Duration min = latencyMin;
        Duration max = latencyMax;
        if (max.isZero()) {
            return;
        }
        long minMs = min.toMillis();
        long spread = max.toMillis() - minMs;
        long delay;
        synchronized (random) {
            delay = minMs + (spread > 0 ? (long) (random.nextDouble() * (spread + 1)) : 0);
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
