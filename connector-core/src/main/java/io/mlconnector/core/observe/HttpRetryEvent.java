package io.mlconnector.core.observe;

import io.mlconnector.core.http.HttpMethod;
import java.time.Duration;
import java.util.Objects;

/**
 * The transport will retry a request after a failed attempt.
 *
 * @param system  which API
 * @param method  the method
 * @param path    the path template (see {@link HttpAttemptEvent#path()})
 * @param attempt the attempt that failed (1 for the first)
 * @param status  its status (429, 503…), or 0 for an I/O failure
 * @param delay   how long the transport waits before the next attempt
 * @param budget  the rate-limit budget left, or null when the limiter knows none
 */
public record HttpRetryEvent(String system, HttpMethod method, String path, int attempt, int status, Duration delay,
                             RateBudget budget) {
    /**
     * Checks the required components.
     *
     * @param system which API
     * @param method the method
     * @param path the path template (see {@link HttpAttemptEvent#path()})
     * @param attempt the attempt that failed (1 for the first)
     * @param status its status (429, 503…), or 0 for an I/O failure
     * @param delay how long the transport waits before the next attempt
     * @param budget the rate-limit budget left, or null when the limiter knows none
     */
    public HttpRetryEvent {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(delay, "delay");
    }

    /**
     * Whether the server answered 429 Too Many Requests.
     *
     * @return true when {@link #status()} is 429
     */
    public boolean rateLimited() {
        return status == 429;
    }
}
