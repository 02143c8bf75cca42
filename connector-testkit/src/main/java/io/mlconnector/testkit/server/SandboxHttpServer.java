package io.mlconnector.testkit.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback HTTP server on the JDK {@link HttpServer}: runs each request through the filters, then the router,
 * writes the answer (or drops the connection) and records the exchange in the {@link RequestLog}.
 */
public final class SandboxHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxHttpServer.class);

    private final String name;
    private final int requestedPort;
    private final Router router;
    private final Clock clock;
    private final RequestLog requestLog;
    private final RouteHandler pipeline;
    private HttpServer server;
    private ExecutorService executor;
    private volatile String baseUrl;

    private SandboxHttpServer(Builder b) {
        this.name = b.name;
        this.requestedPort = b.port;
        this.router = Objects.requireNonNull(b.router, "router");
        this.clock = b.clock;
        this.requestLog = b.requestLog;
        RouteHandler handler = safe(router::dispatch);
        List<RequestFilter> filters = new ArrayList<>(b.filters);
        for (int i = filters.size() - 1; i >= 0; i--) {
            RequestFilter f = filters.get(i);
            RouteHandler next = handler;
            handler = safe(req -> f.filter(req, next));
        }
        this.pipeline = handler;
    }

    /**
     * A new builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static RouteHandler safe(RouteHandler h) {
        return req -> {
            try {
                return h.handle(req);
            } catch (HttpProblem p) {
                return p.response();
            }
        };
    }

    /**
     * Binds 127.0.0.1 on the configured port (0 = any free port) and starts serving.
     *
     * @return the sandbox HTTP server
     */
    public synchronized SandboxHttpServer start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 256);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind " + name + " sandbox", e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        LOG.info("{} sandbox listening on {}", name, baseUrl);
        return this;
    }

    /**
     * {@code http://127.0.0.1:<port>}; only valid after {@link #start()}.
     *
     * @return the base URL
     */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException(name + " sandbox not started");
        }
        return baseUrl;
    }

    /**
     * The port bound, after start.
     *
     * @return the port bound, after start
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The router, to add routes.
     *
     * @return the router, to add routes
     */
    public Router router() {
        return router;
    }

    /** Stops the server and its threads. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        LOG.info("{} sandbox on {} stopped", name, baseUrl);
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod();
        String path = uri.getPath();
        SandboxResponse response;
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            SandboxRequest request = new SandboxRequest(method, path, uri.getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body, baseUrl, clock.instant());
            try {
                response = pipeline.handle(request);
            } catch (RuntimeException e) {
                LOG.error("{} sandbox failed on {} {}", name, method, path, e);
                response = SandboxResponse.json(500,
                    ("{\"error\":\"sandbox internal error\",\"message\":\"" + e.getClass().getSimpleName() + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.debug("{} sandbox: client went away during {} {}: {}", name, method, path, e.toString());
            response = SandboxResponse.connectionReset();
        }
        // record before answering, so a client that has its answer also finds it in the log
        String endpoint = method + " " + router.templateFor(method, path);
        requestLog.record(new RecordedRequest(clock.instant(), method, path, uri.getRawQuery(), endpoint,
            response.status(), Duration.ofNanos(System.nanoTime() - started)));
        if (response.resetConnection()) {
            exchange.close();
            return;
        }
        try {
            write(exchange, response);
        } catch (IOException e) {
            LOG.debug("{} sandbox: could not answer {} {}: {}", name, method, path, e.toString());
            exchange.close();
        }
    }

    private static void write(HttpExchange exchange, SandboxResponse response) throws IOException {
        for (Map.Entry<String, String> h : response.headerList()) {
            exchange.getResponseHeaders().add(h.getKey(), h.getValue());
        }
        byte[] body = response.body();
        boolean noBody = body.length == 0 && (response.status() == 204 || response.status() == 304);
        if (noBody || "HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(response.status(), -1);
        } else {
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
        exchange.close();
    }

    /** Builder for {@link SandboxHttpServer}. */
    public static final class Builder {
        private String name = "sandbox";
        private int port;
        private Router router;
        private Clock clock = Clock.systemUTC();
        private RequestLog requestLog = new RequestLog(100_000);
        private final List<RequestFilter> filters = new ArrayList<>();

        private Builder() {
        }

        /**
         * Name used for thread names and logs.
         *
         * @param name name used for thread names and logs
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Port to bind; 0 (default) picks a free one.
         *
         * @param port port to bind
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The router answering requests.
         *
         * @param router the router answering requests
         * @return this builder
         */
        public Builder router(Router router) {
            this.router = router;
            return this;
        }

        /**
         * Clock for request timestamps.
         *
         * @param clock clock for request timestamps
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The log to record into.
         *
         * @param log the log to record into
         * @return this builder
         */
        public Builder requestLog(RequestLog log) {
            this.requestLog = log;
            return this;
        }

        /**
         * Adds a filter; filters run in the order added, the first one outermost.
         *
         * @param filter a filter
         * @return this builder
         */
        public Builder filter(RequestFilter filter) {
            this.filters.add(filter);
            return this;
        }

        /**
         * Builds the (not yet started) server.
         *
         * @return the new {@code SandboxHttpServer}
         */
        public SandboxHttpServer build() {
            return new SandboxHttpServer(this);
        }
    }
}
