package io.mlconnector.examples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlconnector.examples.config.AdminAccess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Guards the operator routes, which show business data and can requeue work. A request passes only when
 * <ul>
 *   <li>it comes from a loopback address;</li>
 *   <li>its {@code Host} names this machine's loopback interface ({@code localhost}, {@code 127.x.x.x},
 *       {@code [::1]}), so a page on another site cannot reach the routes through DNS rebinding;</li>
 *   <li>it is not a cross-site browser request: an {@code Origin} header must be the same origin as {@code Host},
 *       and {@code Sec-Fetch-Site}, when sent, must be {@code same-origin} or {@code none};</li>
 *   <li>it carries {@code Authorization: Bearer <MLC_ADMIN_TOKEN>} (compared in constant time), unless the operator
 *       disabled the token explicitly.</li>
 * </ul>
 * A refused request gets 401 (token) or 403 (everything else) and reaches no route.
 */
final class OperatorGuard {
    private final AdminAccess access;

    OperatorGuard(AdminAccess access) {
        this.access = Objects.requireNonNull(access, "access");
    }

    /** {@code route} behind this guard. */
    HttpHandler wrap(HttpHandler route) {
        return ex -> {
            String refusal = refusal(ex);
            if (refusal != null) {
                drain(ex);
                if (refusal.isEmpty()) {
                    ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"ml-connector operator\"");
                    HttpExchanges.error(ex, 401, "operator routes need Authorization: Bearer <MLC_ADMIN_TOKEN>");
                } else {
                    HttpExchanges.error(ex, 403, refusal);
                }
                return;
            }
            route.handle(ex);
        };
    }

    /** Null when the request may pass; "" for a missing or wrong token; else why it is refused. */
    private String refusal(HttpExchange ex) {
        InetSocketAddress remote = ex.getRemoteAddress();
        if (remote == null || remote.getAddress() == null || !remote.getAddress().isLoopbackAddress()) {
            return "operator routes answer loopback clients only";
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || !isLoopbackHost(host)) {
            return "operator routes answer requests addressed to localhost only";
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null && !sameOrigin(origin, host)) {
            return "cross-site requests are refused";
        }
        String fetchSite = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
            return "cross-site requests are refused";
        }
        return access.accepts(ex.getRequestHeaders().getFirst("Authorization")) ? null : "";
    }

    static boolean isLoopbackHost(String hostHeader) {
        String name = hostName(hostHeader);
        if (name == null) {
            return false;
        }
        if (name.equals("localhost")) {
            return true;
        }
        boolean literal = name.startsWith("[") || name.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!literal) {
            return false; // never resolve a name from a request
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameOrigin(String origin, String hostHeader) {
        try {
            URI o = URI.create(origin.trim());
            String authority = o.getRawAuthority();
            return authority != null && "http".equalsIgnoreCase(o.getScheme())
                    && authority.toLowerCase(Locale.ROOT).equals(hostHeader.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host part of a {@code Host} header ({@code name[:port]} or {@code [v6][:port]}), lower case; null if bad. */
    private static String hostName(String hostHeader) {
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static void drain(HttpExchange ex) {
        try {
            ex.getRequestBody().close();
        } catch (IOException ignored) {
            // the refusal is answered anyway
        }
    }
}
