package io.mlconnector.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One HTTP request received by a sandbox: method, path, query, headers, raw body and the matched path variables. */
public final class SandboxRequest {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Params query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Map<String, String> pathVars;
    private final String baseUrl;
    private final Instant receivedAt;

    /**
     * Creates a request; header names are matched case-insensitively.
     *
     * @param method HTTP method
     * @param path the request path
     * @param rawQuery the raw query
     * @param headers the request headers
     * @param body the request body
     * @param baseUrl the base URL
     * @param receivedAt the received at
     */
    public SandboxRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                          String baseUrl, Instant receivedAt) {
        this(method, path, rawQuery, Params.parse(rawQuery), copyHeaders(headers), body == null ? new byte[0] : body,
            Map.of(), baseUrl, receivedAt);
    }

    private SandboxRequest(String method, String path, String rawQuery, Params query, Map<String, List<String>> headers,
                           byte[] body, Map<String, String> pathVars, String baseUrl, Instant receivedAt) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.pathVars = pathVars;
        this.baseUrl = baseUrl;
        this.receivedAt = receivedAt;
    }

    private static Map<String, List<String>> copyHeaders(Map<String, List<String>> source) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (source != null) {
            source.forEach((k, v) -> {
                if (k != null) {
                    copy.put(k, List.copyOf(v));
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The same request with the path variables of the matched route.
     *
     * @param vars the same request with the path variables of the matched route
     * @return the same request with the path variables of the matched route
     */
    public SandboxRequest withPathVars(Map<String, String> vars) {
        return new SandboxRequest(method, path, rawQuery, query, headers, body, Map.copyOf(vars), baseUrl, receivedAt);
    }

    /**
     * Upper-case HTTP method.
     *
     * @return upper-case HTTP method
     */
    public String method() {
        return method;
    }

    /**
     * Decoded request path without the query.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * The raw (still encoded) query string, or null.
     *
     * @return the raw (still encoded) query string, or null
     */
    public String rawQuery() {
        return rawQuery;
    }

    /**
     * Parsed query parameters, in order.
     *
     * @return the query
     */
    public Params query() {
        return query;
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
     * All headers, case-insensitive.
     *
     * @return all headers, case-insensitive
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The raw body (never null).
     *
     * @return the raw body (never null)
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the body decoded as UTF-8
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * A path variable of the matched route template.
     *
     * @param name the name
     * @return a path variable of the matched route template
     */
    public String pathVar(String name) {
        String v = pathVars.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no path variable " + name);
        }
        return v;
    }

    /**
     * The scheme, host and port this request was addressed to, e.g. {@code http://127.0.0.1:4711}.
     *
     * @return the scheme, host and port this request was addressed to, e.g
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * When the sandbox received the request (sandbox clock).
     *
     * @return when the sandbox received the request (sandbox clock)
     */
    public Instant receivedAt() {
        return receivedAt;
    }

    /**
     * The media type of the body, lower-case and without parameters, or an empty string.
     *
     * @return the media type of the body, lower-case and without parameters, or an empty string
     */
    public String mediaType() {
        return header("Content-Type").map(ct -> ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }

    /**
     * Bearer token of the {@code Authorization} header, if any.
     *
     * @return bearer token of the {@code Authorization} header, if any
     */
    public Optional<String> bearerToken() {
        return header("Authorization")
            .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(h -> h.substring(7).trim())
            .filter(t -> !t.isEmpty());
    }

    /**
     * Reads the body as flat parameters whatever its encoding: JSON object (values as text), form-urlencoded or
     * multipart/form-data. Used by the OAuth endpoints, which accept all three.
     *
     * @param json the JSON text
     * @return the body params
     */
    public Params bodyParams(Json json) {
        String type = mediaType();
        if (type.equals("application/json") || (type.isEmpty() && bodyText().trim().startsWith("{"))) {
            Optional<JsonNode> node = json.tryRead(body);
            if (node.isEmpty() || !node.get().isObject()) {
                return Params.empty();
            }
            Map<String, String> map = new java.util.LinkedHashMap<>();
            node.get().fields().forEachRemaining(e -> map.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            return Params.fromMap(map);
        }
        if (type.equals("multipart/form-data")) {
            return Multipart.parse(header("Content-Type").orElse(""), body);
        }
        return Params.parse(bodyText());
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery);
    }
}
