package io.mlconnector.core.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * A request waited for the rate limiter before it was sent (budget exhausted until its reset, or running low and
 * spread over the rest of the window).
 *
 * @param system which API
 * @param waited how long it waited
 * @param budget the budget after the wait, or null when the limiter knows none
 */
public record RateLimitWaitEvent(String system, Duration waited, RateBudget budget) {
    /**
     * Checks the required components.
     *
     * @param system which API
     * @param waited how long it waited
     * @param budget the budget after the wait, or null when the limiter knows none
     */
    public RateLimitWaitEvent {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(waited, "waited");
    }
}
