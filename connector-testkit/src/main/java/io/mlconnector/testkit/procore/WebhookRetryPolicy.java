package io.mlconnector.testkit.procore;

import java.time.Duration;

/**
 * How the Procore sandbox retries a failed delivery (api/procore.md §6.5): exponential backoff from
 * {@code initialDelay} doubling up to {@code maxDelay}; the event and everything queued behind it are discarded once
 * the head event has been failing for {@code giveUpAfter} (sandbox clock) or after {@code maxAttempts} attempts.
 *
 * @param initialDelay first retry delay (Procore: 1 s)
 * @param maxDelay     cap (Procore: 1 h)
 * @param giveUpAfter  discard after failing this long (Procore: 12 h)
 * @param maxAttempts  discard after this many attempts (0 = unlimited)
 */
public record WebhookRetryPolicy(Duration initialDelay, Duration maxDelay, Duration giveUpAfter, int maxAttempts) {

    /**
     * Procore's documented policy: 1 s doubling to 1 h, discard after 12 h.
     *
     * @return procore's documented policy: 1 s doubling to 1 h, discard after 12 h
     */
    public static WebhookRetryPolicy procoreDefault() {
        return new WebhookRetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofHours(12), 0);
    }

    /**
     * A fast policy for tests: {@code delay} fixed-start doubling, at most {@code maxAttempts} attempts.
     *
     * @param delay the delay
     * @param maxAttempts discard after this many attempts (0 = unlimited)
     * @return a fast policy for tests: {@code delay} fixed-start doubling, at most {@code maxAttempts} attempts
     */
    public static WebhookRetryPolicy fast(Duration delay, int maxAttempts) {
        return new WebhookRetryPolicy(delay, delay.multipliedBy(8), Duration.ofHours(12), maxAttempts);
    }

    Duration delayBeforeRetry(int failedAttempts) {
        Duration d = initialDelay;
        for (int i = 1; i < failedAttempts && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
