package io.mlconnector.core.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable HTTP request as the transport sends it. Built once, so every retry sends the same bytes.
 * {@link #toString()} redacts credentials.
 *
 * @param method     HTTP method
 * @param uri        absolute URI, query included
 * @param headers    request headers (insertion ordered)
 * @param body       body bytes, empty for none
 * @param idempotent whether the transport may re-send it after an ambiguous failure
 */
public record ApiRequest(HttpMethod method, URI uri, Map<String, String> headers, byte[] body, boolean idempotent) {

    /**
     * Checks the components.
     *
     * @param method HTTP method
     * @param uri absolute URI, query included
     * @param headers request headers (insertion ordered)
     * @param body body bytes, empty for none
     * @param idempotent whether the transport may re-send it after an ambiguous failure
     */
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * The body bytes (a copy), or null for a request without a body.
     *
     * @return the body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * A copy with one header added or replaced.
     *
     * @param name the name
     * @param value the value
     * @return a copy with one header added or replaced
     */
    public ApiRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        h.put(name, value);
        return new ApiRequest(method, uri, h, body, idempotent);
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
        return method + " " + Redaction.uri(uri) + " headers=" + Redaction.headers(headers);
    }

    /**
     * Starts a request for the given method and URI.
     *
     * @param method HTTP method
     * @param uri absolute URI, query included
     * @return a new builder
     */
    public static Builder builder(HttpMethod method, URI uri) {
        return new Builder(method, uri);
    }

    /** Builder for {@link ApiRequest}. */
    public static final class Builder {
        private final HttpMethod method;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private Boolean idempotent;

        private Builder(HttpMethod method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        /**
         * Adds a request header.
         *
         * @param name the header name
         * @param value the header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * The request body and its content type.
         *
         * @param bytes the body bytes (sent as they are)
         * @param contentType the {@code Content-Type} header value
         * @return this builder
         */
        public Builder body(byte[] bytes, String contentType) {
            this.body = bytes;
            headers.put("Content-Type", contentType);
            return this;
        }

        /**
         * Sets the JSON body.
         *
         * @param json the JSON body
         * @return this builder
         */
        public Builder jsonBody(String json) {
            return body(json.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        /**
         * Overrides the method's default idempotency (e.g. a PATCH that is a pure replace).
         *
         * @param value the method's default idempotency (e.g
         * @return this builder
         */
        public Builder idempotent(boolean value) {
            this.idempotent = value;
            return this;
        }

        /**
         * Builds the {@code ApiRequest} from the settings given so far.
         *
         * @return the new {@code ApiRequest}
         */
        public ApiRequest build() {
            return new ApiRequest(method, uri, headers, body, idempotent != null ? idempotent : method.isIdempotent());
        }
    }
}
