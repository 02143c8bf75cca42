package io.mlconnector.console;

import io.mlconnector.core.operator.OperatorService;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator console, framework-neutral: the host hands every request below its mount point (e.g.
 * {@code /console/...}) to {@link #handle(ConsoleRequest)} and sends the {@link ConsoleResponse} back as is.
 * Static pages come from this jar ({@code io/mlconnector/console/static/}); {@code /api/...} is a JSON API over the
 * {@link OperatorService}, behind the {@link OperatorGuard} (token required). Thread-safe.
 *
 * <pre>{@code
 * OperatorConsole console = OperatorConsole.builder()
 *         .service(OperatorService.builder().engine(engine).mappingStore(mappings).auditSink(audit).build())
 *         .guard(OperatorGuard.bearer(operatorToken))
 *         .build();
 * // in the host's handler for /console/*:
 * ConsoleResponse r = console.handle(new ConsoleRequest(method, pathBelowConsole, rawQuery, headers, body, peer));
 * }</pre>
 */
public final class OperatorConsole {
    /** Headers on every answer: no framing, no sniffing, no referrer, scripts and styles from this origin only. */
    private static final Map<String, String> SECURITY = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'");

    private final OperatorGuard guard;
    private final ConsoleApi api;
    private final StaticAssets assets = new StaticAssets();

    private OperatorConsole(Builder b) {
        OperatorService service = Objects.requireNonNull(b.service, "service");
        this.guard = Objects.requireNonNull(b.guard, "guard");
        this.api = new ConsoleApi(service, Objects.requireNonNull(b.storedReports, "storedReports"));
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Answers one request. Never throws for a bad request: errors are answered as JSON {@code {"error": "..."}} with
     * a 4xx/5xx status.
     *
     * @param request the request, its path below the console's mount point
     * @return the response to send
     */
    public ConsoleResponse handle(ConsoleRequest request) {
        Objects.requireNonNull(request, "request");
        return secured(answer(request));
    }

    private ConsoleResponse answer(ConsoleRequest request) {
        boolean isApi = request.path().equals("/api") || request.path().startsWith("/api/");
        Optional<GuardRefusal> refusal = isApi
                ? guard.check(request.remoteAddress(), request::header)
                : guard.checkSite(request.remoteAddress(), request::header);
        if (refusal.isPresent()) {
            GuardRefusal r = refusal.get();
            Map<String, String> headers = r.status() == 401
                    ? Map.of("WWW-Authenticate", "Bearer realm=\"ml-connector operator\"") : Map.of();
            return new ConsoleResponse(r.status(), "application/json", headers,
                    ("{\"error\":\"" + r.message() + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        if (isApi) {
            return api.handle(request);
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return new ConsoleResponse(405, "application/json", Map.of("Allow", "GET"),
                    "{\"error\":\"use GET\"}".getBytes(StandardCharsets.UTF_8));
        }
        return assets.find(request.path())
                .map(a -> new ConsoleResponse(200, a.contentType(), Map.of("Cache-Control", "no-cache"),
                        request.method().equals("HEAD") ? new byte[0] : a.bytes()))
                .orElseGet(() -> new ConsoleResponse(404, "application/json", Map.of(),
                        "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8)));
    }

    private static ConsoleResponse secured(ConsoleResponse r) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(SECURITY);
        headers.putAll(r.headers());
        return new ConsoleResponse(r.status(), r.contentType(), headers, r.body());
    }

    /** Builds an {@link OperatorConsole}. */
    public static final class Builder {
        private OperatorService service;
        private OperatorGuard guard;
        private StoredReports storedReports = StoredReports.none();

        private Builder() {
        }

        /**
         * The operator service the API works on (required).
         *
         * @param value the service
         * @return this builder
         */
        public Builder service(OperatorService value) {
            this.service = Objects.requireNonNull(value, "service");
            return this;
        }

        /**
         * The guard every request passes (required); the API also needs its token.
         *
         * @param value the guard
         * @return this builder
         */
        public Builder guard(OperatorGuard value) {
            this.guard = Objects.requireNonNull(value, "guard");
            return this;
        }

        /**
         * Where the Reconciliation page finds the latest stored month-end reports (default: none).
         *
         * @param value the source of stored reports
         * @return this builder
         */
        public Builder storedReports(StoredReports value) {
            this.storedReports = Objects.requireNonNull(value, "storedReports");
            return this;
        }

        /**
         * Builds the console.
         *
         * @return the console
         * @throws NullPointerException when the service or guard is missing
         */
        public OperatorConsole build() {
            return new OperatorConsole(this);
        }
    }
}
