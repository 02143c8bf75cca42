package io.mlconnector.spring.boot.console;

import io.mlconnector.console.ConsoleRequest;
import io.mlconnector.console.ConsoleResponse;
import io.mlconnector.console.OperatorConsole;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Hands every request under the console's mount point to the {@link OperatorConsole}, which guards it itself (its
 * page and assets with the site checks, its JSON API also with the operator token) and answers it. The mount point
 * alone is redirected (308) to the mount point with a slash, so the page's relative links resolve.
 */
public final class MlConnectorConsoleRoute implements HandlerFunction<ServerResponse> {
    /** The largest request body passed to the console (its writes carry a few ids). */
    public static final int MAX_BODY = 64 * 1024;

    private final OperatorConsole console;
    private final String prefix;

    /**
     * A route to {@code console} mounted at {@code prefix}.
     *
     * @param console the console
     * @param prefix  the mount point, e.g. {@code /console} (no trailing slash)
     */
    public MlConnectorConsoleRoute(OperatorConsole console, String prefix) {
        this.console = Objects.requireNonNull(console, "console");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public ServerResponse handle(ServerRequest request) throws IOException {
        HttpServletRequest servlet = request.servletRequest();
        String path = servlet.getRequestURI().substring(servlet.getContextPath().length());
        if (path.equals(prefix)) {
            return ServerResponse.status(HttpStatus.PERMANENT_REDIRECT)
                    .header("Location", servlet.getContextPath() + prefix + "/").build();
        }
        if (!path.startsWith(prefix + "/")) {
            return ServerResponse.notFound().build();
        }
        byte[] body = read(servlet);
        if (body == null) {
            return ServerResponse.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"error\":\"request body too large\"}");
        }
        ConsoleResponse r = console.handle(new ConsoleRequest(servlet.getMethod(), path.substring(prefix.length()),
                servlet.getQueryString(), headers(servlet), body, InetAddress.getByName(servlet.getRemoteAddr())));
        ServerResponse.BodyBuilder out = ServerResponse.status(r.status())
                .contentType(MediaType.parseMediaType(r.contentType()));
        r.headers().forEach(out::header);
        return r.body().length == 0 ? out.build() : out.body(r.body());
    }

    private static byte[] read(HttpServletRequest servlet) throws IOException {
        if (servlet.getContentLengthLong() > MAX_BODY) {
            return null;
        }
        try (InputStream in = servlet.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest servlet) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : Collections.list(servlet.getHeaderNames())) {
            out.computeIfAbsent(name, n -> new ArrayList<>()).addAll(Collections.list(servlet.getHeaders(name)));
        }
        return out;
    }
}
