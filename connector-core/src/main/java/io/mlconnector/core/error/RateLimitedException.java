package io.mlconnector.core.error;

import java.time.Duration;
import java.util.Optional;

/** The API kept answering 429 after the retry policy's attempts; carries the server's retry hint. */
public class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;
    /** How long to wait before the budget allows another call. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param error the API error
     * @param retryAfter the retry after
     */
    public RateLimitedException(ApiError error, Duration retryAfter) {
        super(error);
        this.retryAfter = retryAfter;
    }

    /**
     * How long the server asked us to wait, when it said so.
     *
     * @return how long the server asked us to wait, when it said so
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
