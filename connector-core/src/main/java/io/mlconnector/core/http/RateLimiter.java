package io.mlconnector.core.http;

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
