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

    /** A builder with the vendor's default app credentials and webhook timeout; system clock, any free port. */
    protected AbstractSandboxBuilder(String defaultClientId, String defaultClientSecret,
                                     Duration defaultWebhookTimeout) {
        this.clientId = defaultClientId;
        this.clientSecret = defaultClientSecret;
        this.webhookTimeout = defaultWebhookTimeout;
    }

    /** Clock for token expiry, rate-limit windows (where the vendor has them) and timestamps. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return self();
    }

    /** The registered (default) app's credentials. */
    public B client(String id, String secret) {
        this.clientId = Objects.requireNonNull(id);
        this.clientSecret = Objects.requireNonNull(secret);
        return self();
    }

    /** Timeout of outgoing webhook POSTs. */
    public B webhookTimeout(Duration timeout) {
        this.webhookTimeout = timeout;
        return self();
    }

    /** Seed for the fault knobs' randomness (repeatable runs). */
    public B randomSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /** Fixed port (default 0 = any free port). */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /** How many requests the log keeps (counters are unbounded). */
    public B requestLogCapacity(int capacity) {
        this.requestLogCapacity = capacity;
        return self();
    }

    /** Builds a sandbox; call its {@code start()} to serve. */
    public abstract S build();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
