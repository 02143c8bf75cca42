package io.mlconnector.testkit.procore;

import io.mlconnector.testkit.server.RequestFilter;
import io.mlconnector.testkit.server.RouteHandler;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Procore's rate limits (api/procore.md §5.2): an hourly window and an optional spike window per bucket (the
 * {@code Procore-Company-Id} header, else the bearer token), fixed windows timed by the injected clock. Every
 * {@code /rest/} request counts, failures included; every answer carries {@code X-Rate-Limit-Limit},
 * {@code -Remaining} and {@code -Reset} (Unix seconds) of the window closer to exhaustion; past a limit the answer
 * is 429 with the documented plain-text body. Settable at runtime.
 */
public final class ProcoreRateLimiter implements RequestFilter {

    /** The plain-text body of a 429. */
    public static final String TOO_MANY = "You have surpassed the max number of requests for an hour. "
        + "Please wait until your limit resets.";

    private static final class Window {
        Instant start;
        int count;
    }

    private static final class Bucket {
        final Window hour = new Window();
        final Window spike = new Window();
    }

    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private int hourlyLimit;
    private int spikeLimit;
    private Duration spikeWindow = Duration.ofSeconds(10);
    private boolean enabled = true;

    ProcoreRateLimiter(Clock clock, int hourlyLimit) {
        this.clock = clock;
        this.hourlyLimit = hourlyLimit;
    }

    /**
     * Sets the hourly budget (default 3600).
     *
     * @param limit the hourly budget
     * @return this Procore rate limiter
     */
    public synchronized ProcoreRateLimiter hourlyLimit(int limit) {
        this.hourlyLimit = limit;
        return this;
    }

    /**
     * Enables a spike window of {@code limit} requests per {@code window}; 0 disables it (default).
     *
     * @param limit the most items to return
     * @param window the window
     * @return the spike limit
     */
    public synchronized ProcoreRateLimiter spikeLimit(int limit, Duration window) {
        this.spikeLimit = limit;
        this.spikeWindow = window;
        return this;
    }

    /**
     * Turns limiting (and the headers) on or off.
     *
     * @param on whether the limiter is on
     * @return this Procore rate limiter
     */
    public synchronized ProcoreRateLimiter enabled(boolean on) {
        this.enabled = on;
        return this;
    }

    /**
     * Forgets all counts.
     *
     * @return the reset
     */
    public synchronized ProcoreRateLimiter reset() {
        buckets.clear();
        return this;
    }

    private record Verdict(boolean limited, int limit, int remaining, long reset) { }

    private synchronized Verdict count(String key) {
        Instant now = clock.instant();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket());
        roll(b.hour, now, Duration.ofHours(1));
        b.hour.count++;
        int hourRemaining = Math.max(0, hourlyLimit - b.hour.count);
        long hourReset = b.hour.start.plus(Duration.ofHours(1)).getEpochSecond();
        boolean limited = b.hour.count > hourlyLimit;
        Verdict v = new Verdict(limited, hourlyLimit, hourRemaining, hourReset);
        if (spikeLimit > 0) {
            roll(b.spike, now, spikeWindow);
            b.spike.count++;
            int spikeRemaining = Math.max(0, spikeLimit - b.spike.count);
            boolean spikeLimited = b.spike.count > spikeLimit;
            double hourFraction = (double) hourRemaining / hourlyLimit;
            double spikeFraction = (double) spikeRemaining / spikeLimit;
            if (spikeLimited && !limited || (spikeFraction < hourFraction && !limited)) {
                v = new Verdict(spikeLimited, spikeLimit, spikeRemaining,
                    b.spike.start.plus(spikeWindow).getEpochSecond());
            }
        }
        return v;
    }

    private static void roll(Window w, Instant now, Duration size) {
        if (w.start == null || !now.isBefore(w.start.plus(size))) {
            w.start = now;
            w.count = 0;
        }
    }

    @Override
    public SandboxResponse filter(SandboxRequest request, RouteHandler next) {
        boolean on;
        synchronized (this) {
            on = enabled;
        }
        if (!on || !request.path().startsWith("/rest/")) {
            return next.handle(request);
        }
        String key = request.header("Procore-Company-Id").map(c -> "company:" + c.trim())
            .or(() -> request.bearerToken().map(t -> "token:" + t)).orElse("anonymous");
        Verdict v = count(key);
        SandboxResponse response = v.limited() ? SandboxResponse.text(429, TOO_MANY) : next.handle(request);
        if (response.resetConnection()) {
            return response;
        }
        return response.withHeader("X-Rate-Limit-Limit", Integer.toString(v.limit()))
            .withHeader("X-Rate-Limit-Remaining", Integer.toString(v.remaining()))
            .withHeader("X-Rate-Limit-Reset", Long.toString(v.reset()));
    }
}
