package io.mlconnector.examples.wiring;

import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.audit.CompositeAuditSink;
import io.mlconnector.core.audit.Slf4jAuditSink;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.FileCredentialStore;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.MappingCsv;
import io.mlconnector.core.operator.OperatorService;
import io.mlconnector.core.mapping.MappingJson;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import io.mlconnector.core.audit.JsonLinesFileAuditSink;
import io.mlconnector.examples.config.HostConfig;
import io.mlconnector.freshbooks.webhook.CallbackVerifierStore;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookParser;
import io.mlconnector.procore.webhook.ProcoreWebhookParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one connection needs, wired from a {@link HostConfig}: the encrypted file credential store, both vendor
 * clients and ports, the stores, the JSON Lines audit file and the {@link SyncEngine} (which also reconciles). The
 * host, the demo and {@code ping} all start here; the stores default to in-memory ones, and the host passes
 * connector-jdbc's (an H2 file under the data directory).
 *
 * <p>Layout of the data directory: {@code credentials/} (AES-256-GCM envelopes only, never plaintext) and
 * {@code audit.jsonl} (one audit event per line, newest last).
 */
public final class ConnectorRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRuntime.class);

    private final HostConfig config;
    private final Clock clock;
    private final CredentialStore credentials;
    private final FreshBooksSide freshBooks;
    private final ProcoreSide procore;
    private final CallbackVerifierStore callbackVerifiers;
    private final MappingStore mappings;
    private final SyncStateStore state;
    private final JsonLinesFileAuditSink auditFile;
    private final String connectionId;
    private final SyncEngine engine;
    private final int importedMappings;
    private final AuditSink audit;
    private final OperatorService operator;

    private ConnectorRuntime(Builder b) {
        this.config = b.config;
        this.clock = b.clock;
        this.credentials = credentialStore(config);
        this.freshBooks = FreshBooksSide.wire(config.freshBooks(), credentials, clock, b.retryPolicy);
        this.procore = ProcoreSide.wire(config.procore(), credentials, clock, b.retryPolicy);
        this.connectionId = config.connectionId(freshBooks.client().accountId());
        this.callbackVerifiers = new CallbackVerifierStore(credentials, connectionId,
                config.freshBooks().webhookVerifier() == null ? null : config.freshBooks().webhookVerifier().reveal());
        this.mappings = b.mappings != null ? b.mappings : new InMemoryMappingStore();
        this.state = b.state != null ? b.state : new InMemorySyncStateStore();
        this.importedMappings = config.mappingsFile() == null ? 0 : importMappings(config.mappingsFile());
        this.auditFile = new JsonLinesFileAuditSink(config.dataDir().resolve("audit.jsonl"));
        List<AuditSink> sinks = new ArrayList<>();
        sinks.add(auditFile);
        sinks.add(new Slf4jAuditSink());
        sinks.addAll(b.extraSinks);
        SyncPolicy policy = b.policy.apply(SyncPolicy.builder().pollInterval(config.pollInterval())).build();
        Connection connection = Connection.builder().id(connectionId).accounting(freshBooks.accounting())
                .projects(procore.projects()).accountingVerifier(callbackVerifiers).projectVerifier(procore.verifier())
                .policy(policy).build();
        this.audit = CompositeAuditSink.of(sinks);
        this.engine = SyncEngine.builder().stateStore(state).mappingStore(mappings)
                .auditSink(audit).clock(clock).defaultPolicy(policy)
                .freshBooksWebhookParser(new FreshBooksWebhookParser()).procoreWebhookParser(new ProcoreWebhookParser())
                .handshakeListener(callbackVerifiers).connection(connection).build();
        this.operator = OperatorService.builder().engine(engine).mappingStore(mappings).auditSink(audit).clock(clock)
                .build();
        LOG.info("connection {} wired: FreshBooks account {} at {}, Procore company {} at {}", connectionId,
                freshBooks.client().accountId(), config.freshBooks().apiUrl(), config.procore().companyId(),
                config.procore().apiUrl());
    }

    /** A builder for the given configuration. */
    public static Builder builder(HostConfig config) {
        return new Builder(config);
    }

    /** The encrypted credential store of a configuration (files under {@code <dataDir>/credentials}). */
    public static CredentialStore credentialStore(HostConfig config) {
        Path dir = config.dataDir().resolve("credentials");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the credential directory " + dir, e);
        }
        return new EncryptedCredentialStore(new FileCredentialStore(dir), StaticKeyProvider.of(config.masterKey()));
    }

    private int importMappings(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = name.endsWith(".json") ? new MappingJson().importInto(mappings, in, connectionId, clock.instant())
                    : new MappingCsv().importInto(mappings, in, connectionId, clock.instant());
            LOG.info("imported {} mappings from {}", n, file);
            return n;
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the mapping file " + file + ": " + e.getMessage(), e);
        }
    }

    public HostConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** The one connection served. */
    public String connectionId() {
        return connectionId;
    }

    public SyncEngine engine() {
        return engine;
    }

    /** The operator service over the engine (same mapping store and audit sinks): what the console uses. */
    public OperatorService operator() {
        return operator;
    }

    /** Where the engine's audit events go (the audit file, the log and any extra sinks). */
    public AuditSink auditSink() {
        return audit;
    }

    public FreshBooksSide freshBooks() {
        return freshBooks;
    }

    public ProcoreSide procore() {
        return procore;
    }

    public MappingStore mappings() {
        return mappings;
    }

    public SyncStateStore state() {
        return state;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    /** The FreshBooks callback verifiers (grows as handshakes are confirmed). */
    public CallbackVerifierStore callbackVerifiers() {
        return callbackVerifiers;
    }

    /** The JSON Lines audit file. */
    public JsonLinesFileAuditSink auditFile() {
        return auditFile;
    }

    /** How many mappings the mapping file held. */
    public int importedMappings() {
        return importedMappings;
    }

    /** Month-end reconciliation of the connection (reads both systems, writes nothing). */
    public ReconciliationReport reconcile(YearMonth period) {
        return engine.reconcile(connectionId, period);
    }

    /** Stops the engine's schedules and closes the audit file. */
    @Override
    public void close() {
        engine.stop();
        auditFile.close();
    }

    /** Builder for {@link ConnectorRuntime}. */
    public static final class Builder {
        private final HostConfig config;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private UnaryOperator<SyncPolicy.Builder> policy = p -> p;
        private MappingStore mappings;
        private SyncStateStore state;
        private final List<AuditSink> extraSinks = new ArrayList<>();

        private Builder(HostConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** HTTP retry policy of both clients (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value);
            return this;
        }

        /** Adjusts the sync policy (the poll interval comes from the configuration). */
        public Builder policy(UnaryOperator<SyncPolicy.Builder> value) {
            this.policy = Objects.requireNonNull(value);
            return this;
        }

        /** Mapping store (default in memory, filled from {@code MLC_MAPPINGS}). */
        public Builder mappingStore(MappingStore value) {
            this.mappings = value;
            return this;
        }

        /** Ledger, cursors and queue (default in memory). */
        public Builder stateStore(SyncStateStore value) {
            this.state = value;
            return this;
        }

        /** Another audit sink besides the file and slf4j. */
        public Builder auditSink(AuditSink value) {
            this.extraSinks.add(Objects.requireNonNull(value));
            return this;
        }

        public ConnectorRuntime build() {
            return new ConnectorRuntime(this);
        }
    }
}
