package io.mlconnector.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP response: status, headers (looked up case-insensitively) and the raw body.
 *
 * @param status  HTTP status code
 * @param headers response headers
 * @param body    body bytes
 */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /**
     * Checks the components.
     *
     * @param status HTTP status code
     * @param headers response headers
     * @param body body bytes
     */
    public ApiResponse {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null) {
                    h.put(k, List.copyOf(v));
                }
            });
        }
        headers = Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body;
    }

    /**
     * The body bytes (a copy).
     *
     * @return the body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * First value of a header, if present.
     *
     * @param name the name
     * @return first value of a header, if present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /**
     * Whether the status is 2xx.
     *
     * @return whether the status is 2xx
     */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the body decoded as UTF-8
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ApiResponse[status=" + status + ", bytes=" + body.length + "]";
    }
}
