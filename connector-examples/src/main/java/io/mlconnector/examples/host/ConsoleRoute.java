package io.mlconnector.examples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlconnector.console.ConsoleRequest;
import io.mlconnector.console.ConsoleResponse;
import io.mlconnector.console.OperatorConsole;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * {@code /console/...}: hands each request to the {@link OperatorConsole}, which guards it itself (the page without
 * the token, {@code /console/api/...} with it) and answers its page, assets and JSON API. {@code /console} is
 * redirected to {@code /console/} so the page's relative links resolve.
 */
final class ConsoleRoute implements HttpHandler {
    /** The mount point. */
    static final String PREFIX = "/console";
    /** The largest request body the console takes (its writes are a few ids). */
    private static final int MAX_BODY = 64 * 1024;

    private final OperatorConsole console;

    ConsoleRoute(OperatorConsole console) {
        this.console = Objects.requireNonNull(console, "console");
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getRawPath();
            if (path.equals(PREFIX)) {
                ex.getRequestBody().close();
                ex.getResponseHeaders().set("Location", PREFIX + "/");
                ex.sendResponseHeaders(308, -1);
                return;
            }
            if (!path.startsWith(PREFIX + "/")) {
                HttpExchanges.error(ex, 404, "not found");
                return;
            }
            byte[] body;
            try {
                body = HttpExchanges.readBody(ex, MAX_BODY);
            } catch (HttpExchanges.BodyTooLargeException e) {
                HttpExchanges.error(ex, 413, "request body too large");
                return;
            }
            InetSocketAddress remote = ex.getRemoteAddress();
            ConsoleResponse r = console.handle(new ConsoleRequest(ex.getRequestMethod(),
                    path.substring(PREFIX.length()), ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body,
                    remote == null ? null : remote.getAddress()));
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            byte[] bytes = r.body();
            boolean empty = bytes.length == 0 || ex.getRequestMethod().equalsIgnoreCase("HEAD");
            ex.sendResponseHeaders(r.status(), empty ? -1 : bytes.length);
            if (!empty) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } finally {
            ex.close();
        }
    }
}
