package io.mlconnector.testkit.server;

import java.time.Duration;
import java.time.Instant;

/**
 * One request as the request log saw it.
 *
 * @param at       when it arrived (sandbox clock)
 * @param method   HTTP method
 * @param path     request path
 * @param query    raw query string or null
 * @param endpoint the route template it matched, e.g. {@code GET /rest/v1.0/vendors}
 * @param status   HTTP status answered; 0 when the connection was reset
 * @param duration wall time spent answering
 */
public record RecordedRequest(Instant at, String method, String path, String query, String endpoint, int status,
                              Duration duration) {
}
