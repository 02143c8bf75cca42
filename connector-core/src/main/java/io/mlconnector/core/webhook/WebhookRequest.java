package io.mlconnector.core.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An inbound webhook exactly as the host's HTTP server received it: headers (looked up case-insensitively)
 * and the raw body bytes. Signatures are computed over what arrived, so hosts must not re-encode the body.
 */
public record WebhookRequest(Map<String, List<String>> headers, byte[] body) {
    /**
     * Checks the components.
     *
     * @param headers the request headers
     * @param body the request body
     */
    public WebhookRequest {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    h.merge(k, List.copyOf(v), (a, b) -> {
                        java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
                        all.addAll(b);
                        return List.copyOf(all);
                    });
                }
            });
        }
        headers = Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * A request from single-valued headers.
     *
     * @param headers the request headers
     * @param body the request body
     * @return the {@code WebhookRequest}
     */
    public static WebhookRequest of(Map<String, String> headers, byte[] body) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new WebhookRequest(h, body);
    }

    /**
     * A request from single-valued headers and a UTF-8 body.
     *
     * @param headers the request headers
     * @param body the request body
     * @return the {@code WebhookRequest}
     */
    public static WebhookRequest of(Map<String, String> headers, String body) {
        return of(headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The raw body bytes (a copy), exactly as received.
     *
     * @return the body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * Body length without copying.
     *
     * @return body length without copying
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * First value of a header.
     *
     * @param name the name
     * @return first value of a header
     */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the body as UTF-8 text
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookRequest[headers=" + headers.keySet() + ", bytes=" + body.length + "]";
    }
}
