package io.mlconnector.runtime;

import io.mlconnector.testkit.time.ManualScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.StoredCredential;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.StoredReconciliation;
import io.mlconnector.core.sync.MonthEndSchedule;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.ProcoreProject;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MlConnector} against the sandboxes: connections added after start are polled and routed, removed ones are
 * not, updates apply at once; every part is replaceable; configuration mistakes are {@link ConfigurationException}s.
 */
class MlConnectorTest {
    private static final String BILLS = "/accounting/account/{accountId}/bills/bills";
    private static final String FB_HEADER = "X-FreshBooks-Hmac-SHA256";

    private FreshBooksSandbox fb;
    private ProcoreSandbox pc;
    private Company company;
    private ProcoreProject tower;
    private RecordingCredentialStore rawCredentials;
    private MlConnector connector;
    private final ManualScheduler scheduler = new ManualScheduler();

    @BeforeEach
    void setUp() {
        fb = FreshBooksSandbox.builder().build().start();
        pc = ProcoreSandbox.builder().build().start();
        company = pc.seed().company("Harbor Point Builders");
        tower = pc.seed().project(company.id(), "Harbor Tower");
        rawCredentials = new RecordingCredentialStore();
    }

    @AfterEach
    void tearDown() {
        if (connector != null) {
            connector.close();
        }
        fb.close();
        pc.close();
    }

    private MlConnector.Builder builder() {
        return MlConnector.builder().keys(StaticKeyProvider.of(EncryptionKey.aes256("k1", new byte[32])))
                .freshBooks(FreshBooksApp.of(fb.clientId(), fb.clientSecret(), fb.redirectUri())
                        .at(fb.baseUrl(), fb.baseUrl()))
                .procore(ProcoreServiceAccount.of(pc.clientId(), pc.clientSecret()).at(pc.baseUrl(), pc.baseUrl()))
                .retryPolicy(RetryPolicy.none());
    }

    private MlConnector jdbcConnector() {
        return builder().dataSource(h2()).build();
    }

    private static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:mlc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    private ConnectionSettings.Builder acme(String hookSecret) {
        return ConnectionSettings.builder("acme").freshBooksAccount(fb.identity().accountId(),
                fb.identity().businessId()).procoreCompany(company.id()).procoreWebhookSecret(hookSecret);
    }

    private WebhookRequest procoreEvent(String secret) {
        String body = "{\"id\":7,\"ulid\":\"01HX" + secret.length() + "\",\"timestamp\":\"2024-05-15T12:00:00Z\","
                + "\"metadata\":{\"source_user_id\":1,\"source_project_id\":" + tower.id()
                + ",\"source_company_id\":" + company.id() + ",\"source_application_id\":null},\"user_id\":1,"
                + "\"company_id\":" + company.id() + ",\"project_id\":" + tower.id() + ",\"api_version\":\"v2.0\","
                + "\"event_type\":\"update\",\"resource_name\":\"Direct Costs\",\"resource_id\":9}";
        return WebhookRequest.of(Map.of("Authorization", ProcoreWebhookVerifier.headerValue(secret),
                "Content-Type", "application/json"), body);
    }

    private WebhookRequest unsignedFreshBooksBill() {
        return WebhookRequest.of(Map.of(FB_HEADER, "AAAA", "Content-Type", "application/x-www-form-urlencoded"),
                "name=bill.create&object_id=5&account_id=" + fb.identity().accountId()
                        + "&business_id=1&identity_id=1&user_id=1");
    }

    private long billPolls() {
        return fb.requestLog().count("GET", BILLS);
    }

    @Test
    void aConnectionAddedAfterStart_isPolledAndRouted_removedStops_updatedSecretApplies() {
        connector = jdbcConnector();
        connector.start(scheduler);
        scheduler.runPeriodic();
        assertThat(billPolls()).isZero();
        assertThat(connector.onProcoreWebhook(procoreEvent("first-secret")).status()).isEqualTo(401);

        connector.addConnection(acme("first-secret").freshBooksAuthorizationCode(fb.issueAuthorizationCode())
                .build());

        scheduler.runPeriodic();
        long afterAdd = billPolls();
        assertThat(afterAdd).isPositive();
        assertThat(connector.onProcoreWebhook(procoreEvent("first-secret"))).isEqualTo(new WebhookResponse(200, "{\"status\":\"queued\"}"));
        // FreshBooks deliveries reach the connection's verifier: unsigned until a callback is confirmed
        assertThat(connector.onFreshBooksWebhook(unsignedFreshBooksBill()).status()).isEqualTo(401);
        assertThat(connector.callbackVerifiers("acme").size()).isZero();

        connector.updateConnection(acme("rotated-secret").build());

        assertThat(connector.onProcoreWebhook(procoreEvent("first-secret")).status()).isEqualTo(401);
        assertThat(connector.onProcoreWebhook(procoreEvent("rotated-secret"))).isEqualTo(new WebhookResponse(200, "{\"status\":\"queued\"}"));
        scheduler.runPeriodic();
        long afterUpdate = billPolls();
        assertThat(afterUpdate).as("the updated connection is polled with its stored grant").isGreaterThan(afterAdd);

        assertThat(connector.removeConnection("acme")).isTrue();

        scheduler.runPeriodic();
        assertThat(billPolls()).isEqualTo(afterUpdate);
        assertThat(connector.onProcoreWebhook(procoreEvent("rotated-secret")).status()).isEqualTo(401);
        assertThat(connector.connectionIds()).isEmpty();
        assertThatThrownBy(() -> connector.freshBooks("acme")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void removedThenAddedAgain_resumesWithTheStoredGrant() {
        connector = jdbcConnector();
        connector.addConnection(acme("s").freshBooksAuthorizationCode(fb.issueAuthorizationCode()).build());
        connector.removeConnection("acme");

        connector.addConnection(acme("s").build()); // no code: the grant is still in the credential store

        assertThat(connector.freshBooks("acme").accountId()).isEqualTo(fb.identity().accountId());
        connector.engine().pollOnce("acme");
        assertThat(billPolls()).isPositive();
    }

    @Test
    void everyPartIsReplaceable_andCredentialsStayEncrypted() {
        InMemoryMappingStore mappings = new InMemoryMappingStore();
        InMemorySyncStateStore state = new InMemorySyncStateStore();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        connector = builder().credentialStore(rawCredentials).mappingStore(mappings).stateStore(state)
                .auditSink(audit).httpClient(HttpClient.newHttpClient()).executor(Runnable::run).build();

        connector.addConnection(acme("hook-secret").freshBooksRefreshToken(fb.issueTokens().refreshToken()).build());
        connector.engine().pollOnce("acme");

        assertThat(connector.mappings()).isSameAs(mappings);
        assertThat(connector.state()).isSameAs(state);
        assertThat(connector.audit()).isSameAs(audit);
        assertThat(billPolls()).isPositive();
        assertThat(rawCredentials.keys()).isNotEmpty();
        rawCredentials.keys().forEach(k -> assertThat(new String(rawCredentials.load(k).orElseThrow().value(),
                StandardCharsets.ISO_8859_1)).doesNotContain(pc.clientSecret()).doesNotContain(fb.clientSecret()));
    }

    @Test
    void aRotatedGrantWhoseSaveFailed_isSavedAgainByTheRuntime_onceTheStoreIsBack() {
        io.mlconnector.core.testing.MutableClock clock = new io.mlconnector.core.testing.MutableClock(
                java.time.Instant.now());
        connector = builder().clock(clock).credentialStore(rawCredentials).mappingStore(new InMemoryMappingStore())
                .stateStore(new InMemorySyncStateStore()).auditSink(new InMemoryAuditLog()).executor(Runnable::run)
                .build();
        connector.addConnection(acme("hook-secret").freshBooksRefreshToken(fb.issueTokens().refreshToken()).build());
        connector.engine().pollOnce("acme"); // first refresh, saved
        rawCredentials.grantSavesFail = true;
        clock.advance(java.time.Duration.ofHours(13)); // the access token is used up: the next poll rotates again

        connector.engine().pollOnce("acme");
        assertThat(connector.saveUnsavedGrants()).as("kept in memory, not saved").isEqualTo(1);

        rawCredentials.grantSavesFail = false;
        connector.start(scheduler);
        scheduler.runPeriodic();

        assertThat(connector.saveUnsavedGrants()).isZero();
    }

    @Test
    void monthEndReconciliation_followsEachConnectionsSchedule_andIsKeptInTheConnectorsDatabase() {
        connector = jdbcConnector();
        connector.addConnection(acme("s").freshBooksAuthorizationCode(fb.issueAuthorizationCode())
                .policy(SyncPolicy.builder().monthEnd(MonthEndSchedule.onDay(1)).build()).build());
        YearMonth dueBefore = MonthEndSchedule.onDay(1).latestDue(Instant.now());

        List<StoredReconciliation> kept = connector.engine().runDueReconciliations();

        YearMonth dueAfter = MonthEndSchedule.onDay(1).latestDue(Instant.now());
        assertThat(kept).singleElement().satisfies(r -> {
            assertThat(r.connectionId()).isEqualTo("acme");
            assertThat(r.period()).isIn(dueBefore, dueAfter);
            assertThat(ReconciliationReport.fromJson(r.json()).toCsv()).isEqualTo(r.csv());
        });
        assertThat(connector.engine().reconciliationReports("acme")).isEqualTo(kept);
        assertThat(connector.engine().runDueReconciliations()).as("kept once").isEmpty();

        connector.updateConnection(acme("s").policy(SyncPolicy.builder().monthEnd(MonthEndSchedule.off()).build())
                .build());
        assertThat(connector.engine().connection("acme").policy().monthEnd().enabled()).isFalse();
    }

    @Test
    void aListenerGivenToTheBuilder_hearsTheEnginesPollsAndBothClientsHttpAttemptsOnce() {
        io.mlconnector.core.observe.RecordingListener listener = new io.mlconnector.core.observe.RecordingListener();
        connector = builder().dataSource(h2()).listener(listener).build();
        connector.addConnection(acme("s").freshBooksAuthorizationCode(fb.issueAuthorizationCode()).build());

        connector.engine().pollOnce("acme");

        assertThat(listener.events(io.mlconnector.core.observe.PollEvent.class)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.connectionId()).isEqualTo("acme"));
        java.util.List<io.mlconnector.core.observe.HttpAttemptEvent> attempts =
                listener.events(io.mlconnector.core.observe.HttpAttemptEvent.class);
        assertThat(attempts).extracting(io.mlconnector.core.observe.HttpAttemptEvent::system)
                .contains("freshbooks", "procore");
        assertThat(attempts.stream().filter(a -> a.system().equals("freshbooks") && a.method().name().equals("GET"))
                .count()).as("each FreshBooks read reported once, not once per copy of the listener")
                .isEqualTo(fb.requestLog().entries(r -> r.method().equals("GET")).size());
    }

    @Test
    void configurationMistakes_areConfigurationExceptions() {
        assertThatThrownBy(() -> MlConnector.builder().build()).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> builder().build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dataSource");
        assertThatThrownBy(() -> builder().httpTransport(HttpTransport.builder().build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> MlConnector.builder().httpTransport(HttpTransport.builder().build())
                .httpClient(HttpClient.newHttpClient())).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> ConnectionSettings.builder("x").freshBooksAccount("A", 1).procoreCompany(1)
                .procoreWebhookSecret("s").freshBooksAuthorizationCode("c").freshBooksRefreshToken("r").build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> FreshBooksApp.of("id", " ", "https://app.example/cb"))
                .isInstanceOf(ConfigurationException.class);

        connector = jdbcConnector();
        assertThatThrownBy(() -> connector.addConnection(acme("s").build()))
                .as("no grant stored and none given").isInstanceOf(ConfigurationException.class);
        connector.addConnection(acme("s").freshBooksAuthorizationCode(fb.issueAuthorizationCode()).build());
        assertThatThrownBy(() -> connector.addConnection(acme("s").build())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> connector.updateConnection(ConnectionSettings.builder("nobody")
                .freshBooksAccount("B", 2).procoreCompany(3).procoreWebhookSecret("s").build()))
                .isInstanceOf(ConfigurationException.class);
    }

    /** The raw store under the connector's encryption, remembering the keys written. */
    private static final class RecordingCredentialStore implements CredentialStore {
        private final InMemoryCredentialStore delegate = new InMemoryCredentialStore();
        private final Set<CredentialKey> written = ConcurrentHashMap.newKeySet();
        /** While set, saving a FreshBooks grant fails as on a full disk (after the refresh claim went through). */
        volatile boolean grantSavesFail;
        private final java.util.concurrent.atomic.AtomicInteger grantWritesWhileFailing =
                new java.util.concurrent.atomic.AtomicInteger();

        Set<CredentialKey> keys() {
            return Set.copyOf(written);
        }

        @Override
        public Optional<StoredCredential> load(CredentialKey key) {
            return delegate.load(key);
        }

        @Override
        public StoredCredential compareAndSet(CredentialKey key, long expectedVersion, byte[] value) {
            if (grantSavesFail && key.kind().equals("freshbooks.oauth")
                    && grantWritesWhileFailing.incrementAndGet() > 1) { // the 1st is the refresh claim
                throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
            }
            StoredCredential c = delegate.compareAndSet(key, expectedVersion, value);
            written.add(key);
            return c;
        }

        @Override
        public void delete(CredentialKey key) {
            delegate.delete(key);
        }
    }
}
