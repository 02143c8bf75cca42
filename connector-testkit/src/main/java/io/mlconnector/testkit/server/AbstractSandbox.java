package io.mlconnector.testkit.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * What every vendor sandbox has in common: the registered app's credentials, the HTTP server's lifecycle, the fault
 * knobs for the HTTP side and for outgoing webhooks, the request log, the webhook delivery log and the threads that
 * deliver webhooks. A subclass builds its vendor state and routes, then calls {@link #serve} once in its constructor.
 *
 * @param <S> the concrete sandbox type, returned by {@link #start()}
 */
public abstract class AbstractSandbox<S extends AbstractSandbox<S>> implements AutoCloseable {

    private final String name;
    private final Clock clock;
    private final String clientId;
    private final String clientSecret;
    private final Duration webhookTimeout;
    private final int port;
    private final FaultInjector faults;
    private final WebhookFaults webhookFaults;
    private final RequestLog requestLog;
    private final DeliveryLog deliveries = new DeliveryLog();
    private final ScheduledExecutorService executor;
    private SandboxHttpServer server;

    /**
     * Sets up the shared parts from {@code settings}; {@code name} names the server's and the webhook threads
     * (e.g. {@code freshbooks} gives {@code freshbooks-sandbox-webhooks-1}).
     *
     * @param name the name
     * @param settings the settings builder
     */
    protected AbstractSandbox(String name, AbstractSandboxBuilder<?, S> settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = settings.clock;
        this.clientId = settings.clientId;
        this.clientSecret = settings.clientSecret;
        this.webhookTimeout = settings.webhookTimeout;
        this.port = settings.port;
        Random random = settings.seed == null ? new Random() : new Random(settings.seed);
        this.faults = new FaultInjector(random);
        this.webhookFaults = new WebhookFaults(random);
        this.requestLog = new RequestLog(settings.requestLogCapacity);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, name + "-sandbox-webhooks-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Builds the (not yet started) HTTP server: {@code filters} run in the order given, then the fault injector
     * (answering injected errors with {@code injectedError}), then the router. Call once, from the constructor.
     *
     * @param router the router
     * @param injectedError the injected error
     * @param filters the filters
     */
    protected final void serve(Router router, IntFunction<SandboxResponse> injectedError, RequestFilter... filters) {
        if (server != null) {
            throw new IllegalStateException(name + " sandbox: serve() called twice");
        }
        SandboxHttpServer.Builder b = SandboxHttpServer.builder().name(name).port(port).clock(clock).router(router)
            .requestLog(requestLog);
        for (RequestFilter f : filters) {
            b.filter(f);
        }
        this.server = b.filter(faults.asFilter(injectedError)).build();
    }

    /**
     * Binds a free loopback port and starts serving; returns this sandbox.
     *
     * @return this sandbox
     */
    @SuppressWarnings("unchecked")
    public S start() {
        server().start();
        return (S) this;
    }

    /** Stops the server and the webhook threads. */
    @Override
    public void close() {
        server().close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code http://127.0.0.1:<port>}: the one base URL serving both the auth and the API paths.
     *
     * @return the base URL
     */
    public String baseUrl() {
        return server().baseUrl();
    }

    /**
     * The registered (default) app's client id.
     *
     * @return the registered app's client id
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The registered (default) app's client secret.
     *
     * @return the registered app's client secret
     */
    public String clientSecret() {
        return clientSecret;
    }

    /**
     * Knobs for the HTTP side: latency, 5xx rate, 503 bursts, connection resets.
     *
     * @return the faults
     */
    public FaultInjector faults() {
        return faults;
    }

    /**
     * Knobs for outgoing webhooks: drop, delay, duplicate.
     *
     * @return the webhook faults
     */
    public WebhookFaults webhookFaults() {
        return webhookFaults;
    }

    /**
     * Every request answered, with per-endpoint counters.
     *
     * @return every request answered, with per-endpoint counters
     */
    public RequestLog requestLog() {
        return requestLog;
    }

    /**
     * Every outgoing webhook attempt.
     *
     * @return every outgoing webhook attempt
     */
    public List<WebhookDelivery> webhookDeliveries() {
        return deliveries.all();
    }

    /**
     * The sandbox clock (token expiry, timestamps).
     *
     * @return the sandbox clock (token expiry, timestamps)
     */
    protected final Clock clock() {
        return clock;
    }

    /**
     * The timeout of outgoing webhook POSTs the sandbox was built with.
     *
     * @return the timeout of outgoing webhook POSTs the sandbox was built with
     */
    protected final Duration webhookTimeout() {
        return webhookTimeout;
    }

    /**
     * A webhook sender on the sandbox clock with the configured timeout.
     *
     * @return a webhook sender on the sandbox clock with the configured timeout
     */
    protected final WebhookClient newWebhookClient() {
        return new WebhookClient(clock, webhookTimeout);
    }

    /**
     * Where webhook attempts are recorded.
     *
     * @return where webhook attempts are recorded
     */
    protected final DeliveryLog deliveries() {
        return deliveries;
    }

    /**
     * The threads delivering webhooks.
     *
     * @return the threads delivering webhooks
     */
    protected final ScheduledExecutorService executor() {
        return executor;
    }

    private SandboxHttpServer server() {
        if (server == null) {
            throw new IllegalStateException(name + " sandbox: serve() was not called by its constructor");
        }
        return server;
    }
}
