package io.mlconnector.examples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlconnector.console.GuardRefusal;
import io.mlconnector.examples.config.AdminAccess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Guards the host's operator routes with the console module's {@link io.mlconnector.console.OperatorGuard} (the same
 * guard the console and the Spring Boot starter use): loopback clients addressing {@code localhost}, no cross-site
 * {@code Origin} / {@code Sec-Fetch-Site}, and {@code Authorization: Bearer <MLC_ADMIN_TOKEN>} unless the operator
 * disabled the token explicitly. A refused request gets 401 (token) or 403 (everything else) and reaches no route.
 */
final class OperatorGuard {
    private final io.mlconnector.console.OperatorGuard guard;

    OperatorGuard(AdminAccess access) {
        this.guard = shared(Objects.requireNonNull(access, "access"));
    }

    /** The shared guard for the host's {@link AdminAccess}. */
    static io.mlconnector.console.OperatorGuard shared(AdminAccess access) {
        return access.tokenRequired() ? io.mlconnector.console.OperatorGuard.bearer(access.token().reveal())
                : io.mlconnector.console.OperatorGuard.builder().tokenDisabled().build();
    }

    /** {@code route} behind this guard. */
    HttpHandler wrap(HttpHandler route) {
        return ex -> {
            InetSocketAddress remote = ex.getRemoteAddress();
            Optional<GuardRefusal> refusal = guard.check(remote == null ? null : remote.getAddress(),
                    ex.getRequestHeaders()::getFirst);
            if (refusal.isPresent()) {
                drain(ex);
                if (refusal.get().status() == 401) {
                    ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"ml-connector operator\"");
                    HttpExchanges.error(ex, 401, "operator routes need Authorization: Bearer <MLC_ADMIN_TOKEN>");
                } else {
                    HttpExchanges.error(ex, 403, refusal.get().message());
                }
                return;
            }
            route.handle(ex);
        };
    }

    static boolean isLoopbackHost(String hostHeader) {
        return io.mlconnector.console.OperatorGuard.isLoopbackHost(hostHeader);
    }

    private static void drain(HttpExchange ex) {
        try {
            ex.getRequestBody().close();
        } catch (IOException ignored) {
            // the refusal is answered anyway
        }
    }
}
