package io.mlconnector.console;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The console's answer, for the host to send as is.
 *
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type} value
 * @param headers     further headers to send (e.g. {@code Cache-Control}, {@code Content-Disposition},
 *                    {@code WWW-Authenticate}); never contains {@code Content-Type}
 * @param body        the body bytes, empty when none
 */
public record ConsoleResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    /**
     * Checks and copies the components.
     *
     * @param status the HTTP status
     * @param contentType the {@code Content-Type} value
     * @param headers further headers, null for none
     * @param body the body, null for none
     */
    public ConsoleResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body.clone();
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
     * The body as UTF-8 text.
     *
     * @return the body decoded as UTF-8
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
