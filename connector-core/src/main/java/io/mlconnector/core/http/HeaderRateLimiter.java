package io.mlconnector.core.http;

import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.observe.RateBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Paces requests from the server's rate-limit headers (limit / remaining / reset), so a client that
 * shares its budget with nobody never runs into a 429: when the budget is exhausted the next caller waits
 * until the reset instant, and when it runs low the remaining calls are spread evenly over the time left.
 * Header names are configurable (Procore: {@code X-Rate-Limit-*}). The reset header may be epoch seconds (Procore)
 * or seconds from now. A reset further away than {@code maxWait} raises {@link RateLimitedException} rather than
 * blocking a thread for up to an hour (default 30 seconds, well inside a work item's lease: a queued item is then
 * requeued for the reset instead of holding its lease while it sleeps). Thread-safe.
 */
public final class HeaderRateLimiter implements RateLimiter {
    private final Clock clock;
    private final Sleeper sleeper;
    private final String limitHeader;
    private final String remainingHeader;
    private final String resetHeader;
    private final double lowWatermark;
    private final Duration resetMargin;
    private final Duration maxWait;

    private final Object lock = new Object();
    /**
     * The windows the server has described, keyed by their limit: Procore reports whichever window (hourly or a
     * 10-second spike window) is closer to exhaustion, so each is remembered until its own reset instead of one
     * overwriting the other.
     */
    private final Map<Long, Window> windows = new LinkedHashMap<>();
    private long waits;

    private static final class Window {
        final long limit;
        long remaining;
        final Instant resetAt;
        Instant nextSlot = Instant.MIN;

        Window(long limit, long remaining, Instant resetAt) {
            this.limit = limit;
            this.remaining = remaining;
            this.resetAt = resetAt;
        }
    }

    private HeaderRateLimiter(Builder b) {
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.limitHeader = b.limitHeader;
        this.remainingHeader = b.remainingHeader;
        this.resetHeader = b.resetHeader;
        this.lowWatermark = b.lowWatermark;
        this.resetMargin = b.resetMargin;
        this.maxWait = b.maxWait;
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
     * Waits as the last reported budget requires.
     *
     * @throws RateLimitedException when the budget is exhausted and its reset is further away than {@code maxWait}
     *         (its {@code retryAfter} says how long), so a worker can reschedule instead of blocking
     */
    @Override
    public void acquire() throws InterruptedException {
        acquireTimed();
    }

    /** {@link #acquire()}, returning the wait it slept (zero when none). */
    @Override
    public Duration acquireTimed() throws InterruptedException {
        Duration wait = reserve();
        if (!wait.isZero() && !wait.isNegative()) {
            sleeper.sleep(wait);
            return wait;
        }
        return Duration.ZERO;
    }

    /** The open window with the least budget left (limit, remaining, reset), or empty when none is known. */
    @Override
    public Optional<RateBudget> budget() {
        synchronized (lock) {
            Instant now = clock.instant();
            return windows.values().stream().filter(w -> now.isBefore(w.resetAt))
                    .min(java.util.Comparator.comparingLong(w -> w.remaining))
                    .map(w -> new RateBudget(w.limit, Math.max(0, w.remaining), w.resetAt));
        }
    }

    private Duration reserve() {
        synchronized (lock) {
            Instant now = clock.instant();
            // a window that is over forgets its budget: unknown until the next response reports it
            windows.values().removeIf(w -> !now.isBefore(w.resetAt));
            Window exhausted = null;
            for (Window w : windows.values()) {
                if (w.remaining <= 0 && (exhausted == null || w.resetAt.isAfter(exhausted.resetAt))) {
                    exhausted = w;
                }
            }
            if (exhausted != null) {
                // every caller waits for the reset (the budget stays at zero until then)
                Duration d = Duration.between(now, exhausted.resetAt);
                if (d.compareTo(maxWait) > 0) {
                    throw new RateLimitedException(ApiError.of(429, "rate-limit budget exhausted until "
                            + exhausted.resetAt + "; not waiting longer than " + maxWait), d);
                }
                waits++;
                return d;
            }
            Duration wait = Duration.ZERO;
            for (Window w : windows.values()) {
                long threshold = w.limit > 0 ? Math.max(1, (long) Math.ceil(w.limit * lowWatermark)) : 1;
                w.remaining--;
                if (w.remaining + 1 > threshold) {
                    continue;
                }
                // low budget: spread the rest evenly over the time left in this window
                Duration interval = Duration.between(now, w.resetAt).dividedBy(w.remaining + 1);
                Instant slot = w.nextSlot.isAfter(now) ? w.nextSlot : now;
                w.nextSlot = slot.plus(interval);
                Duration d = Duration.between(now, slot);
                if (d.compareTo(wait) > 0) {
                    wait = d;
                }
            }
            if (!wait.isZero()) {
                waits++;
            }
            return wait;
        }
    }

    @Override
    public void onResponse(ApiResponse response) {
        Optional<Long> rem = number(response, remainingHeader);
        Optional<Long> reset = number(response, resetHeader);
        if (rem.isEmpty() || reset.isEmpty()) {
            return;
        }
        synchronized (lock) {
            long limit = number(response, limitHeader).orElse(-1L);
            long r = reset.get();
            // Procore sends epoch seconds; tolerate a delta in seconds as well. A whole-second reset may be up to a
            // second early; resetMargin (default zero) adds a safety margin for servers that truncate.
            Instant at = (r > 1_000_000_000L ? Instant.ofEpochSecond(r) : clock.instant().plusSeconds(r)).plus(resetMargin);
            long reported = response.status() == 429 ? 0 : rem.get();
            Window w = windows.get(limit);
            if (w == null || at.isAfter(w.resetAt)) {
                windows.put(limit, new Window(limit, reported, at));
            } else if (at.equals(w.resetAt)) {
                // same window: responses arrive out of order, and a late one must not give back spent budget
                w.remaining = Math.min(w.remaining, reported);
            }
            // an earlier reset than the one we know: a late answer from a finished window, ignored
        }
    }

    /**
     * How many times a caller had to wait (for figures and tests).
     *
     * @return how many times a caller had to wait (for figures and tests)
     */
    public long waitCount() {
        synchronized (lock) {
            return waits;
        }
    }

    /**
     * The smallest remaining budget of the windows still open, or -1 when unknown.
     *
     * @return the smallest remaining budget of the windows still open, or -1 when unknown
     */
    public long remaining() {
        synchronized (lock) {
            Instant now = clock.instant();
            return windows.values().stream().filter(w -> now.isBefore(w.resetAt)).mapToLong(w -> w.remaining)
                    .min().orElse(-1);
        }
    }

    private static Optional<Long> number(ApiResponse response, String header) {
        return response.header(header).flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** Builder for {@link HeaderRateLimiter}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private String limitHeader = "X-Rate-Limit-Limit";
        private String remainingHeader = "X-Rate-Limit-Remaining";
        private String resetHeader = "X-Rate-Limit-Reset";
        private double lowWatermark = 0.1;
        private Duration resetMargin = Duration.ZERO;
        private Duration maxWait = Duration.ofSeconds(30);

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
         * The names of the headers that carry the budget.
         *
         * @param limit the header with the budget per window
         * @param remaining the header with the calls left in the window
         * @param reset the header with the time the window resets
         * @return this builder
         */
        public Builder headers(String limit, String remaining, String reset) {
            this.limitHeader = limit;
            this.remainingHeader = remaining;
            this.resetHeader = reset;
            return this;
        }

        /**
         * Fraction of the limit below which calls are spread over the rest of the window (default 0.1).
         *
         * @param value fraction of the limit below which calls are spread over the rest of the window
         * @return this builder
         */
        public Builder lowWatermark(double value) {
            if (value < 0 || value > 1) {
                throw new IllegalArgumentException("lowWatermark must be between 0 and 1");
            }
            this.lowWatermark = value;
            return this;
        }

        /**
         * Longest wait for an exhausted budget's reset (default 30 seconds); beyond it {@link #acquire()} throws
         * {@link RateLimitedException} instead of blocking.
         *
         * @param value longest wait for an exhausted budget's reset
         * @return this builder
         */
        public Builder maxWait(Duration value) {
            if (Objects.requireNonNull(value).isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative");
            }
            this.maxWait = value;
            return this;
        }

        /**
         * Extra time added to every reported reset instant (default zero). Servers that truncate the reset to whole
         * seconds may reopen a window up to a second after the header says; a margin of one second avoids a burst
         * of 429s right after a reset.
         *
         * @param value extra time added to every reported reset instant
         * @return this builder
         */
        public Builder resetMargin(Duration value) {
            if (Objects.requireNonNull(value).isNegative()) {
                throw new IllegalArgumentException("resetMargin must not be negative");
            }
            this.resetMargin = value;
            return this;
        }

        /**
         * Builds the {@code HeaderRateLimiter} from the settings given so far.
         *
         * @return the new {@code HeaderRateLimiter}
         */
        public HeaderRateLimiter build() {
            return new HeaderRateLimiter(this);
        }
    }
}
