package io.mlconnector.testkit.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builder settings every vendor sandbox takes: clock, the registered app's credentials, webhook timeout, random seed
 * of the fault knobs, port and request log capacity. Vendor builders extend it with their own settings.
 *
 * @param <B> the concrete builder type, returned by every setter
 * @param <S> the sandbox it builds
 */
public abstract class AbstractSandboxBuilder<B extends AbstractSandboxBuilder<B, S>, S extends AbstractSandbox<S>> {

    Clock clock = Clock.systemUTC();
    String clientId;
    String clientSecret;
    Duration webhookTimeout;
    Long seed;
    int port;
    int requestLogCapacity = 100_000;

    /**
     * A builder with the vendor's default app credentials and webhook timeout; system clock, any free port.
     *
     * @param defaultClientId the default client id
     * @param defaultClientSecret the default client secret
     * @param defaultWebhookTimeout the default webhook timeout
     */
    protected AbstractSandboxBuilder(String defaultClientId, String defaultClientSecret,
                                     Duration defaultWebhookTimeout) {
        this.clientId = defaultClientId;
        this.clientSecret = defaultClientSecret;
        this.webhookTimeout = defaultWebhookTimeout;
    }

    /**
     * Clock for token expiry, rate-limit windows (where the vendor has them) and timestamps.
     *
     * @param clock the clock that timestamps are taken from
     * @return clock for token expiry, rate-limit windows (where the vendor has them) and timestamps
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return self();
    }

    /**
     * The registered (default) app's credentials.
     *
     * @param id the object's id
     * @param secret the secret
     * @return the registered app's credentials
     */
    public B client(String id, String secret) {
        this.clientId = Objects.requireNonNull(id);
        this.clientSecret = Objects.requireNonNull(secret);
        return self();
    }

    /**
     * Timeout of outgoing webhook POSTs.
     *
     * @param timeout how long to wait at most
     * @return timeout of outgoing webhook POSTs
     */
    public B webhookTimeout(Duration timeout) {
        this.webhookTimeout = timeout;
        return self();
    }

    /**
     * Seed for the fault knobs' randomness (repeatable runs).
     *
     * @param seed the seed
     * @return this builder
     */
    public B randomSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /**
     * Fixed port (default 0 = any free port).
     *
     * @param port the port
     * @return this builder
     */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /**
     * How many requests the log keeps (counters are unbounded).
     *
     * @param capacity the capacity
     * @return how many requests the log keeps (counters are unbounded)
     */
    public B requestLogCapacity(int capacity) {
        this.requestLogCapacity = capacity;
        return self();
    }

    /**
     * Builds a sandbox; call its {@code start()} to serve.
     *
     * @return the new {@code S}
     */
    public abstract S build();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
