package io.mlconnector.runtime;

import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.KeyProvider;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.InMemoryConnectionProvider;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.WebhookHandshakeListener;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.auth.FreshBooksOAuth;
import io.mlconnector.freshbooks.webhook.CallbackVerifierStore;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookParser;
import io.mlconnector.jdbc.JdbcAuditLog;
import io.mlconnector.jdbc.JdbcCredentialStore;
import io.mlconnector.jdbc.JdbcMappingStore;
import io.mlconnector.jdbc.JdbcSchema;
import io.mlconnector.jdbc.JdbcSyncStateStore;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.webhook.ProcoreWebhookParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;

/**
 * A running connector built from what an ERP application already has: a {@link DataSource} (mappings, ledger, work
 * queue, audit events and encrypted credentials in its tables, schema migrated on {@link Builder#build()}), a
 * {@link KeyProvider} (credential encryption), the {@link FreshBooksApp} and the {@link ProcoreServiceAccount}, and a
 * scheduler ({@link #start(ScheduledExecutorService)}, or its own with {@link #start()}).
 *
 * <pre>{@code
 * MlConnector connector = MlConnector.builder().dataSource(ds).keys(keyProvider)
 *         .freshBooks(FreshBooksApp.of(id, secret, redirectUri)).procore(ProcoreServiceAccount.of(pcId, pcSecret))
 *         .build();
 * connector.addConnection(ConnectionSettings.builder("acme").freshBooksAccount("6BApk", 6543)
 *         .freshBooksAuthorizationCode(code).procoreCompany(5358233).procoreWebhookSecret(hookSecret).build());
 * connector.start(scheduler);
 * WebhookResponse r = connector.onFreshBooksWebhook(new WebhookRequest(headers, rawBody));
 * }</pre>
 *
 * <p>Contractors are {@link #addConnection added}, {@link #updateConnection updated} and {@link #removeConnection
 * removed} while it runs: an added connection is polled and its webhooks are routed at once, a removed one no
 * longer. Everything the {@link SyncEngine} offers (alignment, replay, flags, reconciliation, previews) is on
 * {@link #engine()}. Every part is replaceable through the builder: the stores, the audit sink, the HTTP client or
 * transport, the worker executor, the clock and the default policy. Thread-safe.
 */
public final class MlConnector implements AutoCloseable {
    private final FreshBooksApp freshBooksApp;
    private final ProcoreServiceAccount procoreAccount;
    private final CredentialStore credentials;
    private final MappingStore mappings;
    private final SyncStateStore state;
    private final AuditSink audit;
    private final HttpTransport transport;
    private final Clock clock;
    private final List<ConnectorListener> listeners;
    private final InMemoryConnectionProvider connections = new InMemoryConnectionProvider();
    private java.util.concurrent.ScheduledFuture<?> grantSaves;
    private final Map<String, WiredConnection> wired = new ConcurrentHashMap<>();
    private final SyncEngine engine;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService ownScheduler;

    private MlConnector(Builder b) {
        this.freshBooksApp = required(b.freshBooksApp, "freshBooks(FreshBooksApp)");
        this.procoreAccount = required(b.procoreAccount, "procore(ProcoreServiceAccount)");
        KeyProvider keys = required(b.keys, "keys(KeyProvider) (credentials are stored encrypted)");
        this.clock = b.clock;
        this.listeners = List.copyOf(b.listeners);
        if (b.dataSource != null) {
            JdbcSchema.builder().dataSource(b.dataSource).tablePrefix(b.tablePrefix).build().migrate();
        }
        this.credentials = new EncryptedCredentialStore(b.credentialStore != null ? b.credentialStore
                : JdbcCredentialStore.builder().dataSource(jdbc(b, "credentialStore")).tablePrefix(b.tablePrefix)
                .build(), keys);
        this.mappings = b.mappingStore != null ? b.mappingStore
                : JdbcMappingStore.builder().dataSource(jdbc(b, "mappingStore")).tablePrefix(b.tablePrefix).build();
        this.state = b.stateStore != null ? b.stateStore
                : JdbcSyncStateStore.builder().dataSource(jdbc(b, "stateStore")).tablePrefix(b.tablePrefix).build();
        this.audit = b.auditSink != null ? b.auditSink
                : JdbcAuditLog.builder().dataSource(jdbc(b, "auditSink")).tablePrefix(b.tablePrefix).build();
        if (b.transport != null) {
            this.transport = b.transport;
        } else {
            HttpTransport.Builder t = HttpTransport.builder().retryPolicy(b.retryPolicy).clock(clock)
                    .userAgent("ml-connector/0.1");
            if (b.httpClient != null) {
                t.httpClient(b.httpClient);
            }
            this.transport = t.build();
        }
        SyncEngine.Builder e = SyncEngine.builder().stateStore(state).mappingStore(mappings).auditSink(audit)
                .clock(clock).defaultPolicy(b.policy).freshBooksWebhookParser(new FreshBooksWebhookParser())
                .procoreWebhookParser(new ProcoreWebhookParser()).handshakeListener(new VerifierRouting())
                .connections(connections);
        if (b.executor != null) {
            e.executor(b.executor);
        }
        if (b.nodeId != null) {
            e.nodeId(b.nodeId);
        }
        listeners.forEach(e::listener);
        this.engine = e.build();
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new ConfigurationException("MlConnector needs " + what);
        }
        return value;
    }

    private static DataSource jdbc(Builder b, String part) {
        if (b.dataSource == null) {
            throw new ConfigurationException("MlConnector needs dataSource(...) or its own " + part + "(...)");
        }
        return b.dataSource;
    }

    // ---------------------------------------------------------------- connections

    /**
     * Wires and adds a contractor's connection; it is polled and its webhooks are routed from now on (also when the
     * connector runs already). Exchanges the FreshBooks authorization code when one is given.
     *
     * @param settings the connection's settings
     * @return the connection as the engine uses it
     * @throws ConfigurationException when the id, FreshBooks account or Procore company is another connection's, or
     *                                no FreshBooks grant is stored and none is given
     */
    public Connection addConnection(ConnectionSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (connections.byId(settings.id()).isPresent()) {
            throw new ConfigurationException("connection " + settings.id() + " exists already; update it");
        }
        WiredConnection w = wire(settings);
        connections.add(w.connection());
        wired.put(settings.id(), w);
        return engine.connection(settings.id());
    }

    /**
     * Replaces a connection's settings (a new webhook secret, a new authorization, another policy); the next webhook
     * and poll use them.
     *
     * @param settings the connection's new settings (its id names the connection)
     * @return the connection as the engine uses it now
     * @throws ConfigurationException when no connection has that id
     */
    public Connection updateConnection(ConnectionSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (connections.byId(settings.id()).isEmpty()) {
            throw new ConfigurationException("unknown connection " + settings.id() + "; add it first");
        }
        WiredConnection w = wire(settings);
        connections.update(w.connection());
        wired.put(settings.id(), w);
        return engine.connection(settings.id());
    }

    /**
     * Removes a connection: no more polls, its webhooks are answered 401. Its credentials, mappings, ledger and queued
     * work stay stored, so adding it again resumes where it stopped.
     *
     * @param connectionId the id of the connection to remove
     * @return whether it was served
     */
    public boolean removeConnection(String connectionId) {
        boolean removed = connections.remove(connectionId);
        wired.remove(connectionId);
        return removed;
    }

    /**
     * The connection ids served now.
     *
     * @return the ids of the connections served now
     */
    public Set<String> connectionIds() {
        return engine.connectionIds();
    }

    private WiredConnection wire(ConnectionSettings s) {
        return WiredConnection.wire(s, freshBooksApp, procoreAccount, credentials, transport, clock, listeners);
    }

    private WiredConnection require(String connectionId) {
        WiredConnection w = wired.get(connectionId);
        if (w == null) {
            throw new ConfigurationException("unknown connection " + connectionId);
        }
        return w;
    }

    /**
     * The browser URL that asks a contractor to authorize the FreshBooks app; its redirect carries the code for
     * {@link ConnectionSettings.Builder#freshBooksAuthorizationCode}.
     *
     * @param scopes the scopes requested (as registered for the app)
     * @param state  an unguessable value your redirect handler checks
     * @return the authorization page's URL
     */
    public URI freshBooksAuthorizationUrl(List<String> scopes, String state) {
        return FreshBooksOAuth.builder().clientId(freshBooksApp.clientId()).clientSecret(freshBooksApp.clientSecret())
                .redirectUri(freshBooksApp.redirectUri()).authBaseUrl(freshBooksApp.authBaseUrl())
                .apiBaseUrl(freshBooksApp.apiBaseUrl()).transport(transport).clock(clock).build()
                .authorizationUrl(scopes, state);
    }

    /**
     * The FreshBooks client of a connection (to register callbacks, or for calls of your own).
     *
     * @param connectionId the connection's id
     * @return its FreshBooks client
     * @throws ConfigurationException when no connection has that id
     */
    public FreshBooksClient freshBooks(String connectionId) {
        return require(connectionId).freshBooks();
    }

    /**
     * The Procore client of a connection (to create hooks, or for calls of your own).
     *
     * @param connectionId the connection's id
     * @return its Procore client
     * @throws ConfigurationException when no connection has that id
     */
    public ProcoreClient procore(String connectionId) {
        return require(connectionId).procore();
    }

    /**
     * The FreshBooks callback verifiers of a connection (one per confirmed callback).
     *
     * @param connectionId the connection's id
     * @return its verifier store
     * @throws ConfigurationException when no connection has that id
     */
    public CallbackVerifierStore callbackVerifiers(String connectionId) {
        return require(connectionId).verifiers();
    }

    // ---------------------------------------------------------------- running

    /** How often a FreshBooks grant whose save failed is offered to the store again while it is unsaved. */
    static final java.time.Duration GRANT_SAVE_RETRY = java.time.Duration.ofSeconds(10);

    /**
     * Starts polls and workers on the host's scheduler (which stays the host's), and a task that saves again any
     * rotated FreshBooks grant whose save failed ({@link #saveUnsavedGrants()}) every 10 seconds.
     *
     * @param scheduler the host's scheduler that runs the tasks (the connector never shuts it down)
     */
    public void start(ScheduledExecutorService scheduler) {
        engine.start(scheduler);
        synchronized (lifecycle) {
            grantSaves = scheduler.scheduleWithFixedDelay(this::saveUnsavedGrantsSafely,
                    GRANT_SAVE_RETRY.toMillis(), GRANT_SAVE_RETRY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Offers every FreshBooks grant that is held in memory only (its save after a refresh failed) to the credential
     * store again; {@link #start} runs it every 10 seconds.
     *
     * @return how many connections still hold an unsaved grant
     */
    public int saveUnsavedGrants() {
        int left = 0;
        for (WiredConnection w : wired.values()) {
            if (w.grant().hasUnsavedGrant() && !w.grant().retryUnsavedGrant()) {
                left++;
            }
        }
        return left;
    }

    private void saveUnsavedGrantsSafely() {
        try {
            saveUnsavedGrants();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MlConnector.class).warn("saving unsaved FreshBooks grants failed: {}",
                    e.toString());
        }
    }

    /** Starts polls and workers on a scheduler of its own (two daemon threads), shut down by {@link #close()}. */
    public void start() {
        synchronized (lifecycle) {
            if (ownScheduler != null) {
                throw new IllegalStateException("already started");
            }
            ownScheduler = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "ml-connector");
                t.setDaemon(true);
                return t;
            });
        }
        start(ownScheduler);
    }

    /** Stops polls and workers; queued work stays queued. */
    public void stop() {
        engine.stop();
        synchronized (lifecycle) {
            if (grantSaves != null) {
                grantSaves.cancel(false);
                grantSaves = null;
            }
            if (ownScheduler != null) {
                ownScheduler.shutdown();
                ownScheduler = null;
            }
        }
    }

    /** Stops, and writes audit events still buffered. */
    @Override
    public void close() {
        stop();
        if (audit instanceof JdbcAuditLog log) {
            log.flush();
        }
    }

    /**
     * Handles a FreshBooks webhook POST (raw headers and body bytes in, status and body out); see the engine.
     *
     * @param request the webhook request as received
     * @return the response to send back
     */
    public WebhookResponse onFreshBooksWebhook(WebhookRequest request) {
        return engine.onFreshBooksWebhook(request);
    }

    /**
     * Handles a Procore webhook POST (raw headers and body bytes in, status and body out); see the engine.
     *
     * @param request the webhook request as received
     * @return the response to send back
     */
    public WebhookResponse onProcoreWebhook(WebhookRequest request) {
        return engine.onProcoreWebhook(request);
    }

    /**
     * {@link #onFreshBooksWebhook} for hosts with an asynchronous server: the future completes once the delivery is
     * durably queued; see {@link SyncEngine#onFreshBooksWebhookAsync}.
     *
     * @param request the webhook request as received
     * @param commitExecutor runs a commit this delivery has to lead (blocking state-store work, not an event loop)
     * @return a future of the response to send
     */
    public java.util.concurrent.CompletableFuture<WebhookResponse> onFreshBooksWebhookAsync(WebhookRequest request,
                                                                                            Executor commitExecutor) {
        return engine.onFreshBooksWebhookAsync(request, commitExecutor);
    }

    /**
     * {@link #onProcoreWebhook} for hosts with an asynchronous server: the future completes once the delivery is
     * durably queued; see {@link SyncEngine#onProcoreWebhookAsync}.
     *
     * @param request the webhook request as received
     * @param commitExecutor runs a commit this delivery has to lead (blocking state-store work, not an event loop)
     * @return a future of the response to send
     */
    public java.util.concurrent.CompletableFuture<WebhookResponse> onProcoreWebhookAsync(WebhookRequest request,
                                                                                         Executor commitExecutor) {
        return engine.onProcoreWebhookAsync(request, commitExecutor);
    }

    // ---------------------------------------------------------------- parts

    /**
     * The engine: alignment, replay, flags, ledger, reconciliation, previews, polls and drains on demand.
     *
     * @return the sync engine
     */
    public SyncEngine engine() {
        return engine;
    }

    /**
     * The mapping store (confirm alignment suggestions by putting them as confirmed mappings).
     *
     * @return the mapping store
     */
    public MappingStore mappings() {
        return mappings;
    }

    /**
     * Ledger, cursors and work queue.
     *
     * @return the sync state store
     */
    public SyncStateStore state() {
        return state;
    }

    /**
     * The credential store, encrypting with the key provider.
     *
     * @return the encrypting credential store
     */
    public CredentialStore credentials() {
        return credentials;
    }

    /**
     * Where audit events go.
     *
     * @return the audit sink
     */
    public AuditSink audit() {
        return audit;
    }

    @Override
    public String toString() {
        return "MlConnector" + connections.all().stream().map(Connection::id).toList();
    }

    /** Hands each confirmed FreshBooks callback verifier to its own connection's store. */
    private final class VerifierRouting implements WebhookHandshakeListener {
        @Override
        public void onWebhookConfirmed(String connectionId, String callbackId, String verifier) {
            WiredConnection w = wired.get(connectionId);
            if (w != null) {
                w.verifiers().onWebhookConfirmed(connectionId, callbackId, verifier);
            }
        }
    }

    /**
     * Builder for {@link MlConnector}. Required: {@link #keys}, {@link #freshBooks}, {@link #procore}, and either
     * {@link #dataSource} or all four of the credential store, mapping store, state store and audit sink.
     */
    public static final class Builder {
        private DataSource dataSource;
        private String tablePrefix = "mlc_";
        private KeyProvider keys;
        private FreshBooksApp freshBooksApp;
        private ProcoreServiceAccount procoreAccount;
        private CredentialStore credentialStore;
        private MappingStore mappingStore;
        private SyncStateStore stateStore;
        private AuditSink auditSink;
        private HttpClient httpClient;
        private HttpTransport transport;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Executor executor;
        private Clock clock = Clock.systemUTC();
        private SyncPolicy policy = SyncPolicy.defaults();
        private String nodeId;
        private boolean retryPolicyGiven;
        private final List<ConnectorListener> listeners = new java.util.ArrayList<>();

        private Builder() {
        }

        /**
         * The database of the stores (H2 or PostgreSQL); the schema is migrated on {@link #build()}.
         *
         * @param value the data source
         * @return this builder
         */
        public Builder dataSource(DataSource value) {
            this.dataSource = Objects.requireNonNull(value, "dataSource");
            return this;
        }

        /**
         * Prefix of the connector's tables (default {@code mlc_}).
         *
         * @param value the table name prefix
         * @return this builder
         */
        public Builder tablePrefix(String value) {
            this.tablePrefix = Objects.requireNonNull(value, "tablePrefix");
            return this;
        }

        /**
         * Keys that encrypt every stored credential (AES-256-GCM). Required.
         *
         * @param value the key provider
         * @return this builder
         */
        public Builder keys(KeyProvider value) {
            this.keys = Objects.requireNonNull(value, "keys");
            return this;
        }

        /**
         * The FreshBooks app. Required.
         *
         * @param value the app's credentials and hosts
         * @return this builder
         */
        public Builder freshBooks(FreshBooksApp value) {
            this.freshBooksApp = Objects.requireNonNull(value, "freshBooks");
            return this;
        }

        /**
         * The Procore service account. Required.
         *
         * @param value the account's credentials and hosts
         * @return this builder
         */
        public Builder procore(ProcoreServiceAccount value) {
            this.procoreAccount = Objects.requireNonNull(value, "procore");
            return this;
        }

        /**
         * Your own credential store instead of the JDBC one (still encrypted with {@link #keys}).
         *
         * @param value the credential store
         * @return this builder
         */
        public Builder credentialStore(CredentialStore value) {
            this.credentialStore = Objects.requireNonNull(value, "credentialStore");
            return this;
        }

        /**
         * Your own mapping store instead of the JDBC one.
         *
         * @param value the mapping store
         * @return this builder
         */
        public Builder mappingStore(MappingStore value) {
            this.mappingStore = Objects.requireNonNull(value, "mappingStore");
            return this;
        }

        /**
         * Your own ledger, cursor and queue store instead of the JDBC one.
         *
         * @param value the state store
         * @return this builder
         */
        public Builder stateStore(SyncStateStore value) {
            this.stateStore = Objects.requireNonNull(value, "stateStore");
            return this;
        }

        /**
         * Your own audit sink instead of the JDBC audit table.
         *
         * @param value the audit sink
         * @return this builder
         */
        public Builder auditSink(AuditSink value) {
            this.auditSink = Objects.requireNonNull(value, "auditSink");
            return this;
        }

        /**
         * The JDK HTTP client both vendors' calls use (proxy, TLS, executor of your own).
         *
         * @param value the HTTP client
         * @return this builder
         * @throws ConfigurationException when {@link #httpTransport} was given
         */
        public Builder httpClient(HttpClient value) {
            if (transport != null) {
                throw overlap("httpClient(...)");
            }
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /**
         * A ready transport for both vendors' calls (its retry policy applies; {@link #retryPolicy} does not).
         *
         * @param value the transport
         * @return this builder
         * @throws ConfigurationException when {@link #httpClient} or {@link #retryPolicy} was given
         */
        public Builder httpTransport(HttpTransport value) {
            if (httpClient != null || retryPolicyGiven) {
                throw overlap(httpClient != null ? "httpClient(...)" : "retryPolicy(...)");
            }
            this.transport = Objects.requireNonNull(value, "httpTransport");
            return this;
        }

        /**
         * Retries of both vendors' calls (default {@link RetryPolicy#defaults()}).
         *
         * @param value the retry policy
         * @return this builder
         * @throws ConfigurationException when {@link #httpTransport} was given
         */
        public Builder retryPolicy(RetryPolicy value) {
            if (transport != null) {
                throw overlap("retryPolicy(...)");
            }
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            this.retryPolicyGiven = true;
            return this;
        }

        private static ConfigurationException overlap(String other) {
            return new ConfigurationException("MlConnector: httpTransport(...) and " + other + " overlap: give a "
                    + "ready transport, or the HTTP client and retry policy the connector builds one from");
        }

        /**
         * Runs the items of a worker batch (default: the worker's own thread, one after the other).
         *
         * @param value the executor
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * Clock of leases, cursors, backoff and audit times (default system UTC).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The policy of connections added without one (default {@link SyncPolicy#defaults()}).
         *
         * @param value the default policy
         * @return this builder
         */
        public Builder policy(SyncPolicy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /**
         * Adds a listener told of every poll, work outcome and re-authorization of the engine, and of every HTTP
         * attempt, retry, rate-limit wait and token refresh of the connections' clients (e.g. the Micrometer binding
         * {@code ConnectorMetrics}); may be called several times. The clients add them to the transport, so a
         * transport given with {@link #httpTransport} must not carry them already (each attempt would count twice).
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(ConnectorListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * This node's id, owner of its leases (default: random); unique per running instance.
         *
         * @param value the node id
         * @return this builder
         */
        public Builder nodeId(String value) {
            this.nodeId = Objects.requireNonNull(value, "nodeId");
            return this;
        }

        /**
         * Builds the connector: migrates the schema (when a data source is given) and wires the stores and the
         * engine. Makes no remote call.
         *
         * @return the connector, not started
         * @throws ConfigurationException when a required part is missing
         */
        public MlConnector build() {
            return new MlConnector(this);
        }
    }
}
