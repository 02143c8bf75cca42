package io.mlconnector.examples.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.mlconnector.console.OperatorConsole;
import io.mlconnector.core.http.ConnectorJson;
import io.mlconnector.examples.config.EnvConfig;
import io.mlconnector.examples.config.HostConfig;
import io.mlconnector.examples.wiring.ConnectorRuntime;
import io.mlconnector.examples.wiring.MappingFileWatcher;
import java.io.IOException;
import io.mlconnector.examples.wiring.DurableState;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example host: one connection ({@link ConnectorRuntime}) behind the JDK {@link HttpServer}, with the engine's
 * polls and queue workers on a {@link ScheduledExecutorService}. No framework. Routes:
 * <ul>
 *   <li>{@code POST /webhooks/freshbooks}, {@code POST /webhooks/procore}: raw headers + bytes to the engine's intake,
 *       which answers without calling any remote API (work happens on the scheduler);</li>
 *   <li>{@code GET /health};</li>
 *   <li>operator routes, loopback clients with the admin token only ({@link OperatorGuard}): {@code GET /audit},
 *       {@code GET /flags}, {@code POST /replay}, {@code GET /reconcile?period=YYYY-MM};</li>
 *   <li>the operator console at {@code /console/} (page) and {@code /console/api/...} (JSON API, admin token),
 *       under the same guard ({@link OperatorConsole}).</li>
 * </ul>
 * The mapping file ({@code MLC_MAPPINGS}) is re-read when it changes ({@link MappingFileWatcher}), so a mapping
 * fixed there is used by the next replay without a restart.
 * Run it with {@code java ... io.mlconnector.examples.Main serve}, configured by environment variables
 * ({@link EnvConfig}).
 */
public final class ExampleHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExampleHost.class);

    private final ConnectorRuntime runtime;
    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean engineStarted;

    private ExampleHost(ConnectorRuntime runtime, Options options) throws IOException {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        ObjectMapper json = ConnectorJson.newObjectMapper();
        this.server = HttpServer.create(new InetSocketAddress(options.bindAddress, runtime.config().port()), 1024); // room for a burst of deliveries
        this.httpThreads = Executors.newFixedThreadPool(options.httpThreads, named("mlc-http"));
        this.scheduler = Executors.newScheduledThreadPool(options.workerThreads, named("mlc-sync"));
        server.setExecutor(httpThreads);
        server.createContext("/webhooks/freshbooks",
                new WebhookRoute("freshbooks", runtime.engine()::onFreshBooksWebhook, options.observer));
        server.createContext("/webhooks/procore",
                new WebhookRoute("procore", runtime.engine()::onProcoreWebhook, options.observer));
        server.createContext("/health", new HealthRoute(runtime, json));
        OperatorGuard guard = new OperatorGuard(runtime.config().admin());
        server.createContext("/audit", guard.wrap(new AuditRoute(runtime.auditFile())));
        server.createContext("/flags", guard.wrap(new FlagsRoute(runtime, json)));
        server.createContext("/replay", guard.wrap(new ReplayRoute(runtime.engine(), runtime.connectionId())));
        server.createContext("/reconcile", guard.wrap(new ReconcileRoute(runtime)));
        OperatorConsole console = OperatorConsole.builder().service(runtime.operator())
                .guard(OperatorGuard.shared(runtime.config().admin())).build(); // stored reports: the engine's
        server.createContext(ConsoleRoute.PREFIX, new ConsoleRoute(console)); // guarded by the console itself
        if (runtime.config().mappingsFile() != null && !options.mappingFileCheckEvery.isZero()) {
            new MappingFileWatcher(runtime.config().mappingsFile(), runtime.connectionId(), runtime.operator(),
                    runtime.clock()).start(scheduler, options.mappingFileCheckEvery);
        }
        server.start();
        if (options.alignOnStart) {
            scheduler.execute(this::alignOnce);
        }
        if (options.startEngine) {
            startEngine();
        }
        LOG.info("example host for connection {} listening on {}", runtime.connectionId(), baseUrl());
    }

    /**
     * Starts serving.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static ExampleHost start(ConnectorRuntime runtime, Options options) {
        try {
            return new ExampleHost(runtime, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + runtime.config().port(), e);
        }
    }

    /** Defaults: all interfaces, engine started, alignment on start. */
    public static Options options() {
        return new Options();
    }

    /** How long a client may take to send a whole request (headers and body) before the host closes it. */
    public static final Duration REQUEST_TIME_LIMIT = Duration.ofSeconds(10);
    /** How long sending one answer may take before the host closes the connection. */
    public static final Duration RESPONSE_TIME_LIMIT = Duration.ofSeconds(60);
    /** Most connections open at once (honoured by JDK 18 and later; on 17 put a reverse proxy in front). */
    public static final int MAX_CONNECTIONS = 512;

    /**
     * Sets the JDK HTTP server's limits, unless already set on the command line: a client that holds a half-sent
     * request (headers or body) is cut off after {@link #REQUEST_TIME_LIMIT}, a stalled answer after
     * {@link #RESPONSE_TIME_LIMIT}, and at most {@link #MAX_CONNECTIONS} connections are open. The JDK reads these
     * once, when the first {@code HttpServer} of the JVM starts, so call this first thing in {@code main}.
     */
    public static void applyServerLimits() {
        setIfAbsent("sun.net.httpserver.nodelay", "true"); // answer webhooks without delayed-ACK stalls
        setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(REQUEST_TIME_LIMIT.toSeconds()));
        setIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(RESPONSE_TIME_LIMIT.toSeconds()));
        setIfAbsent("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** Runs the host from the environment until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        applyServerLimits();
        ExampleHost host = startFromEnvironment(System.getenv());
        ConnectorRuntime runtime = host.runtime();
        Runtime.getRuntime().addShutdownHook(new Thread(host::close, "mlc-shutdown"));
        System.out.println("ml-connector example host: connection " + runtime.connectionId() + " on " + host.baseUrl()
                + " (audit log " + runtime.auditFile().file() + ")");
        host.awaitStop();
    }

    /**
     * Starts the engine's polls and queue workers on the host's scheduler (done at start unless
     * {@link Options#startEngine(boolean)} said otherwise). Calling it again does nothing.
     */
    public synchronized void startEngine() {
        if (!engineStarted) {
            runtime.engine().start(scheduler);
            // a rotated FreshBooks grant whose save failed lives in memory only: offer it to the store again
            var grant = runtime.freshBooks().tokens();
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    if (grant.hasUnsavedGrant()) {
                        grant.retryUnsavedGrant();
                    }
                } catch (RuntimeException e) {
                    LOG.warn("saving the FreshBooks grant again failed: {}", e.toString());
                }
            }, 10, 10, TimeUnit.SECONDS);
            engineStarted = true;
        }
    }

    /**
     * Parses the environment variables ({@link EnvConfig}), wires the connection and starts serving with the default
     * options: what {@code Main serve} does.
     *
     * @throws io.mlconnector.examples.config.InvalidConfigurationException listing every bad variable
     */
    public static ExampleHost startFromEnvironment(Map<String, String> env) {
        HostConfig config = EnvConfig.parse(env);
        DurableState durable = DurableState.openIn(config.dataDir());
        ConnectorRuntime runtime = ConnectorRuntime.builder(config).stateStore(durable.stateStore())
                .mappingStore(durable.mappingStore()).build();
        try {
            return start(runtime, options());
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void alignOnce() {
        try {
            var report = runtime.engine().alignReferenceData(runtime.connectionId());
            LOG.info("first-sync alignment: vendors {} matched, {} suggested; projects {} matched, {} suggested; "
                            + "GL accounts {} matched, {} suggested",
                    report.vendors().matched().size(), report.vendors().suggested().size(),
                    report.projects().matched().size(), report.projects().suggested().size(),
                    report.glAccounts().matched().size(), report.glAccounts().suggested().size());
        } catch (RuntimeException e) {
            LOG.warn("first-sync alignment failed (run it again from code or restart): {}", e.toString());
        }
    }

    /** {@code http://<loopback>:<port>}. */
    public URI baseUrl() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port());
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    public ConnectorRuntime runtime() {
        return runtime;
    }

    /** The scheduler running polls and workers. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Blocks until {@link #close()}. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops accepting requests, stops the engine's schedules and closes the runtime. */
    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        server.stop(0);
        runtime.engine().stop();
        scheduler.shutdownNow();
        httpThreads.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtime.close();
        stopped.countDown();
        LOG.info("example host stopped");
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Default number of threads answering HTTP (see {@link Options#httpThreads}). */
    public static final int DEFAULT_HTTP_THREADS = 128;

    /** How the host runs (everything else comes from the {@link HostConfig}). */
    public static final class Options {
        private InetAddress bindAddress;
        private boolean startEngine = true;
        private boolean alignOnStart = true;
        private int httpThreads = DEFAULT_HTTP_THREADS;
        private int workerThreads = 2;
        private WebhookObserver observer = WebhookObserver.none();
        private Duration mappingFileCheckEvery = Duration.ofSeconds(2);

        private Options() {
        }

        /** Interface to bind (default: all). */
        public Options bindAddress(InetAddress value) {
            this.bindAddress = value;
            return this;
        }

        /** Whether polls and workers run on the host's scheduler (default true; false when the caller drives). */
        public Options startEngine(boolean value) {
            this.startEngine = value;
            return this;
        }

        /** Whether reference data is aligned once at start (default true). */
        public Options alignOnStart(boolean value) {
            this.alignOnStart = value;
            return this;
        }

        /**
         * Threads answering HTTP (default {@value ExampleHost#DEFAULT_HTTP_THREADS}): more than a few slow clients can hold while
         * the JDK server waits for their requests (at most {@link #REQUEST_TIME_LIMIT} each), so webhooks and
         * {@code /health} keep answering; and enough that a burst of deliveries is in the engine at once, where the
         * deliveries that arrive during a commit are written together by the next one (group commit) — a thread
         * waiting for its commit uses no CPU.
         */
        public Options httpThreads(int value) {
            this.httpThreads = value;
            return this;
        }

        /** Threads for polls and workers (default 2). */
        public Options workerThreads(int value) {
            this.workerThreads = value;
            return this;
        }

        /** How often the mapping file is checked for changes (default 2 s; zero: never re-read). */
        public Options mappingFileCheckEvery(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("mappingFileCheckEvery must not be negative");
            }
            this.mappingFileCheckEvery = value;
            return this;
        }

        /** Told after each webhook answer. */
        public Options observer(WebhookObserver value) {
            this.observer = Objects.requireNonNull(value);
            return this;
        }
    }
}
