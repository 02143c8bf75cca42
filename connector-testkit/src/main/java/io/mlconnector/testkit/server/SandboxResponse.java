package io.mlconnector.testkit.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a sandbox answers: status, headers and body, or the instruction to drop the connection without answering. */
public final class SandboxResponse {

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final boolean resetConnection;

    private SandboxResponse(int status, Map<String, String> headers, byte[] body, boolean resetConnection) {
        this.status = status;
        this.headers = new LinkedHashMap<>(headers);
        this.body = body;
        this.resetConnection = resetConnection;
    }

    /**
     * A response with a JSON body already serialized.
     *
     * @param status the status
     * @param json the JSON text
     * @return a response with a JSON body already serialized
     */
    public static SandboxResponse json(int status, byte[] json) {
        return new SandboxResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"), json, false);
    }

    /**
     * A plain-text response.
     *
     * @param status the status
     * @param text the text
     * @return a plain-text response
     */
    public static SandboxResponse text(int status, String text) {
        return new SandboxResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
            text.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * A response without a body (e.g. 204).
     *
     * @param status the status
     * @return the {@code SandboxResponse}
     */
    public static SandboxResponse empty(int status) {
        return new SandboxResponse(status, Map.of(), new byte[0], false);
    }

    /**
     * Close the connection without sending anything: the client sees a reset / premature EOF.
     *
     * @return close the connection without sending anything: the client sees a reset / premature EOF
     */
    public static SandboxResponse connectionReset() {
        return new SandboxResponse(0, Map.of(), new byte[0], true);
    }

    /**
     * A copy with one more header (replacing any header of the same name).
     *
     * @param name the name
     * @param value the value
     * @return a copy with one more header (replacing any header of the same name)
     */
    public SandboxResponse withHeader(String name, String value) {
        SandboxResponse copy = new SandboxResponse(status, headers, body, resetConnection);
        copy.headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        copy.headers.put(name, value);
        return copy;
    }

    /**
     * HTTP status; 0 for a reset connection.
     *
     * @return HTTP status
     */
    public int status() {
        return status;
    }

    /**
     * Response headers in insertion order.
     *
     * @return response headers in insertion order
     */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /**
     * A header value, case-insensitive.
     *
     * @param name the name
     * @return a header value, case-insensitive
     */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
            .findFirst();
    }

    /**
     * Response body bytes.
     *
     * @return response body bytes
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * Whether the connection should be dropped instead of answered.
     *
     * @return whether the connection should be dropped instead of answered
     */
    public boolean resetConnection() {
        return resetConnection;
    }

    List<Map.Entry<String, String>> headerList() {
        return List.copyOf(headers.entrySet());
    }

    @Override
    public String toString() {
        return resetConnection ? "RESET" : "HTTP " + status;
    }
}
