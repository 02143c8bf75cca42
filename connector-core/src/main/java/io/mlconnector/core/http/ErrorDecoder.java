package io.mlconnector.core.http;

import io.mlconnector.core.error.ApiError;

/**
 * Turns a non-success response into an {@link ApiError}. Each vendor module supplies one that knows the
 * vendor's error body shapes; the transport maps the result to the exception hierarchy.
 */
@FunctionalInterface
public interface ErrorDecoder {

    /**
     * Decodes an error response; must never throw on an unknown body shape.
     *
     * @param response the API response
     * @return the decode
     */
    ApiError decode(ApiResponse response);

    /**
     * A decoder that keeps the status and the raw body as the message.
     *
     * @return a decoder that keeps the status and the raw body as the message
     */
    static ErrorDecoder plain() {
        return r -> new ApiError(r.status(), r.bodyAsString(), java.util.List.of(), java.util.List.of(),
                r.header("X-Request-Id").orElse(null), r.bodyAsString());
    }
}
