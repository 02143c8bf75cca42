package io.mlconnector.core.observe;

import io.mlconnector.core.http.HttpMethod;
import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP attempt (every retry is an attempt of its own).
 *
 * @param system  which API ({@code freshbooks}, {@code procore}, or {@code http} when the transport was not named)
 * @param method  the method
 * @param path    the path template: the URI path without host or query, each segment holding a digit (an id) but not
 *                a version ({@code v1.0}) replaced by {@code {id}} ({@link HttpPaths#template})
 * @param status  the response status, or 0 when no response came (I/O failure, timeout)
 * @param latency from sending to the response (or failure)
 * @param attempt which attempt of the request (1 for the first)
 * @param failure the I/O failure when {@code status} is 0, else null
 * @param budget  the rate-limit budget after this response, or null when the limiter knows none
 */
public record HttpAttemptEvent(String system, HttpMethod method, String path, int status, Duration latency,
                               int attempt, String failure, RateBudget budget) {
    /**
     * Checks the required components.
     *
     * @param system which API ({@code freshbooks}, {@code procore}, or {@code http} when the transport was not
     *     named)
     * @param method the method
     * @param path the path template: the URI path without host or query, each segment holding a digit (an id) but
     *     not a version ({@code v1.0}) replaced by {@code {id}} ({@link HttpPaths#template})
     * @param status the response status, or 0 when no response came (I/O failure, timeout)
     * @param latency from sending to the response (or failure)
     * @param attempt which attempt of the request (1 for the first)
     * @param failure the I/O failure when {@code status} is 0, else null
     * @param budget the rate-limit budget after this response, or null when the limiter knows none
     */
    public HttpAttemptEvent {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(latency, "latency");
    }
}
