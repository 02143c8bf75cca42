package io.mlconnector.core.http;

import io.mlconnector.core.observe.RateBudget;
import java.time.Duration;
import java.util.Optional;

/**
 * Paces outgoing requests. {@link #acquire()} is called before every attempt and may block;
 * {@link #onResponse(ApiResponse)} feeds back what the server said about the remaining budget.
 */
public interface RateLimiter {

    /**
     * Blocks until a request may be sent.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void acquire() throws InterruptedException;

    /**
     * Blocks like {@link #acquire()} and says how long it waited, for the transport's rate-limit events and logs. The
     * default calls {@link #acquire()} and reports no wait; limiters that know their waits override it.
     *
     * @return how long the call waited (zero when it did not wait or does not know)
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    default Duration acquireTimed() throws InterruptedException {
        acquire();
        return Duration.ZERO;
    }

    /**
     * The budget left as the server last reported it (the window closest to exhaustion), if this limiter knows.
     *
     * @return the budget, or empty when this limiter does not track one
     */
    default Optional<RateBudget> budget() {
        return Optional.empty();
    }

    /**
     * Records the server's view of the budget from a response (any status).
     *
     * @param response the API response
     */
    void onResponse(ApiResponse response);

    /**
     * A limiter that never waits.
     *
     * @return a limiter that never waits
     */
    static RateLimiter unlimited() {
        return new RateLimiter() {
            @Override
            public void acquire() {
            }

            @Override
            public void onResponse(ApiResponse response) {
            }
        };
    }
}
