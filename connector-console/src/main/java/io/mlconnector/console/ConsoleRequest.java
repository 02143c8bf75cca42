package io.mlconnector.console;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One HTTP request to the console, as the host received it.
 *
 * @param method        the HTTP method ({@code GET}, {@code POST}, ...), any case
 * @param path          the path below the console's mount point, starting with {@code /}: {@code /} is the page,
 *                      {@code /api/...} the JSON API, anything else a static asset (the host strips its own prefix,
 *                      e.g. {@code /console})
 * @param query         the raw query string without {@code ?} (still percent-encoded), empty when none
 * @param headers       the request headers; names are matched without regard to case
 * @param body          the raw request body, empty when none
 * @param remoteAddress the client's address (the TCP peer), null when unknown; the guard refuses non-loopback
 *                      clients when it requires loopback
 */
public record ConsoleRequest(String method, String path, String query, Map<String, List<String>> headers,
                             byte[] body, InetAddress remoteAddress) {
    /**
     * Checks and copies the components.
     *
     * @param method the HTTP method
     * @param path the path below the mount point
     * @param query the raw query string, null for none
     * @param headers the request headers, null for none
     * @param body the raw body, null for none
     * @param remoteAddress the client's address, may be null
     */
    public ConsoleRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        path = Objects.requireNonNull(path, "path").isEmpty() ? "/" : path;
        query = query == null ? "" : query;
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null) {
                    h.merge(k, v == null ? List.of() : List.copyOf(v), (a, b) -> {
                        List<String> both = new java.util.ArrayList<>(a);
                        both.addAll(b);
                        return List.copyOf(both);
                    });
                }
            });
        }
        headers = java.util.Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * The first value of a header, or null.
     *
     * @param name the header name, any case
     * @return the first value, or null when the header is absent
     */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The raw body (a copy).
     *
     * @return the body bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
