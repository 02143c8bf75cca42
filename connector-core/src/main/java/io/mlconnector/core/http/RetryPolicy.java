package io.mlconnector.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * When and how long to wait before repeating a failed request: exponential backoff with jitter, capped,
 * and a server's {@code Retry-After} hint taking precedence. Which failures are retryable is decided here;
 * whether a request may be repeated at all (idempotency) is decided by the transport.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final Set<Integer> retryableStatuses;
    private final RandomGenerator random;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryableStatuses = Set.copyOf(b.retryableStatuses);
        this.random = b.random;
    }

    /**
     * 4 attempts, 500 ms base, 30 s cap, retrying 429/502/503/504.
     *
     * @return 4 attempts, 500 ms base, 30 s cap, retrying 429/502/503/504
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /**
     * A policy that never retries.
     *
     * @return the {@code RetryPolicy}
     */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
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
     * Total attempts including the first one.
     *
     * @return total attempts including the first one
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether this HTTP status is worth retrying. */
    /**
     * Longest {@code Retry-After} a transport sleeps through in-line.
     *
     * @return longest {@code Retry-After} a transport sleeps through in-line
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Whether an answer with this status may be retried.
     *
     * @param status the HTTP status
     * @return whether it is retryable
     */
    public boolean isRetryableStatus(int status) {
        return retryableStatuses.contains(status);
    }

    /**
     * Delay before attempt {@code attempt + 1}, where {@code attempt} (1-based) just failed.
     * A server hint wins (a transport does not wait in-line for a hint longer than {@link #maxRetryAfter()}: it
     * gives up and reports it, so a queued item is requeued for later instead of holding its lease while it sleeps;
     * here such a hint is bounded by {@code maxRetryAfter}); otherwise base·2^(attempt-1) capped at
     * {@code maxDelay}, jittered to 50–100 %.
     *
     * @param attempt the attempt
     * @param serverHint the server hint
     * @return delay before attempt {@code attempt + 1}, where {@code attempt} (1-based) just failed
     */
    public Duration delayAfter(int attempt, Duration serverHint) {
        if (serverHint != null) {
            return serverHint.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : serverHint;
        }
        long base = baseDelay.toMillis();
        long exp = base << Math.min(30, Math.max(0, attempt - 1));
        long capped = Math.min(exp, maxDelay.toMillis());
        long jittered = capped / 2 + (capped / 2 == 0 ? 0 : random.nextLong(capped / 2 + 1));
        return Duration.ofMillis(jittered);
    }

    /** Builder for {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Set<Integer> retryableStatuses = Set.of(429, 502, 503, 504);
        private RandomGenerator random = RandomGenerator.getDefault();

        /**
         * Sets the max attempts.
         *
         * @param value the max attempts
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1");
            }
            this.maxAttempts = value;
            return this;
        }

        /**
         * Sets the base delay.
         *
         * @param value the base delay
         * @return this builder
         */
        public Builder baseDelay(Duration value) {
            this.baseDelay = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the max delay.
         *
         * @param value the max delay
         * @return this builder
         */
        public Builder maxDelay(Duration value) {
            this.maxDelay = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Longest server-requested wait ({@code Retry-After}) spent sleeping in-line (default 30 seconds, well inside
         * a work item's lease); a longer one ends the call with the hint (e.g. {@code RateLimitedException}).
         *
         * @param value longest server-requested wait ({@code Retry-After}) spent sleeping in-line
         * @return this builder
         */
        public Builder maxRetryAfter(Duration value) {
            this.maxRetryAfter = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the retryable statuses.
         *
         * @param value the retryable statuses
         * @return this builder
         */
        public Builder retryableStatuses(Set<Integer> value) {
            this.retryableStatuses = Set.copyOf(value);
            return this;
        }

        /**
         * Sets the random.
         *
         * @param value the random
         * @return this builder
         */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Builds the {@code RetryPolicy} from the settings given so far.
         *
         * @return the new {@code RetryPolicy}
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
