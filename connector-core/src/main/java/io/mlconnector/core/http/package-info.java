/**
 * The HTTP layer both vendor clients share: {@link io.mlconnector.core.http.HttpTransport} (timeouts, retries with
 * {@link io.mlconnector.core.http.RetryPolicy} and {@code Retry-After}, rate limiting, redaction of secrets in logs,
 * error decoding into {@link io.mlconnector.core.error.ConnectorException}s), the request and response values,
 * pagination ({@link io.mlconnector.core.http.Paginator}) and the JSON mapper settings.
 */
package io.mlconnector.core.http;
