package io.mlconnector.testkit.ports;

import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.OutcomeUncertainException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.ServerException;
import io.mlconnector.core.error.TransportException;
import io.mlconnector.core.error.ValidationException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Ready-made failures for the fault injection of {@link InMemoryAccountingSystem} and {@link InMemoryProjectSystem}:
 * each factory returns a supplier that builds a fresh exception per injected failure.
 */
public final class Faults {
    private Faults() {
    }

    /**
     * HTTP 503 from the server.
     *
     * @return a supplier of a new exception per failing call
     */
    public static Supplier<RuntimeException> serverError() {
        return () -> new ServerException(ApiError.of(503, "Service Unavailable (injected)"));
    }

    /**
     * HTTP 429 with a {@code Retry-After} hint.
     *
     * @param retryAfter the wait the server asks for
     * @return a supplier of a new exception per failing call
     */
    public static Supplier<RuntimeException> rateLimited(Duration retryAfter) {
        return () -> new RateLimitedException(ApiError.of(429, "Too Many Requests (injected)"), retryAfter);
    }

    /**
     * A timeout after the request was sent: use with the after-effect injection to simulate a create that happened.
     *
     * @return a supplier of a new exception per failing call
     */
    public static Supplier<RuntimeException> outcomeUncertain() {
        return () -> new OutcomeUncertainException("no response after the request was sent (injected)",
                new HttpTimeoutException("request timed out"));
    }

    /**
     * A connection failure before anything was sent.
     *
     * @return a supplier of a new exception per failing call
     */
    public static Supplier<RuntimeException> transportFailure() {
        return () -> new TransportException("connection refused (injected)", new IOException("connection refused"));
    }

    /**
     * HTTP 404.
     *
     * @return a supplier of a new exception per failing call
     */
    public static Supplier<RuntimeException> notFound() {
        return () -> new NotFoundException(ApiError.of(404, "Not Found (injected)"));
    }

    /**
     * HTTP 422 with a message.
     *
     * @param message the error message
     * @return a supplier of a new exception per failing call
     */
    public static Supplier<RuntimeException> validation(String message) {
        return () -> new ValidationException(ApiError.of(422, message));
    }
}
