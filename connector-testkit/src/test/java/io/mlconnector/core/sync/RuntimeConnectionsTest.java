package io.mlconnector.core.sync;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.internal.engine.StreamPoller;
import io.mlconnector.core.webhook.SharedSecretHeaderVerifier;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import io.mlconnector.testkit.time.ManualScheduler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connections added, updated and removed while the engine runs (issue 16): a contractor onboards without a restart,
 * is polled and has its webhooks routed; a removed one is neither; an update (new secret) applies at once.
 */
class RuntimeConnectionsTest {
    private EngineFixture fx;
    private InMemoryConnectionProvider provider;
    private ManualScheduler scheduler;
    private SyncEngine engine;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        provider = new InMemoryConnectionProvider();
        scheduler = new ManualScheduler();
        engine = engine(provider);
        engine.start(scheduler);
    }

    @AfterEach
    void tearDown() {
        engine.stop();
    }

    private SyncEngine engine(ConnectionProvider connections) {
        return SyncEngine.builder().stateStore(fx.state).mappingStore(fx.mappings).auditSink(fx.audit)
                .clock(fx.clock).nodeId("node-a").freshBooksWebhookParser(TestWebhookParsers.freshBooks())
                .procoreWebhookParser(TestWebhookParsers.procore()).connections(connections).build();
    }

    private Connection acme() {
        return fx.connection(policy());
    }

    /**
     * These tests count polls by the fake's {@code listChanged} calls; the month-end reconciliation check that
     * {@code start} also schedules reads it too, so it is off here (MonthEndReconciliationTest covers it).
     */
    private SyncPolicy policy() {
        return fx.policy().monthEnd(MonthEndSchedule.off()).build();
    }

    private int polls() {
        return fx.fb.callCounts().getOrDefault("listChanged", 0);
    }

    private WebhookRequest procoreWithSecret(String secret) {
        WebhookRequest r = fx.procoreWebhook("01HULID" + secret.length(), "Direct Costs", "9", fx.tower.projectId(),
                null);
        return WebhookRequest.of(Map.of("Authorization", "Bearer " + secret, "Content-Type", "application/json"),
                r.body());
    }

    @Test
    void aConnectionAddedAfterStart_isPolled_andItsWebhooksAreRouted() {
        assertThat(engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", "100")).status()).isEqualTo(401);
        scheduler.runPeriodic();
        assertThat(polls()).isZero();

        provider.add(acme());

        assertThat(engine.connectionIds()).containsExactly(EngineFixture.CONNECTION);
        scheduler.runPeriodic();
        assertThat(polls()).isEqualTo(fx.fb.streams().size());
        assertThat(engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", "100")))
                .isEqualTo(WebhookResponse.ok("queued"));
        assertThat(engine.onProcoreWebhook(procoreWithSecret(EngineFixture.PROCORE_SECRET)))
                .isEqualTo(WebhookResponse.ok("queued"));
        assertThat(fx.state.items(EngineFixture.CONNECTION, WorkStatus.READY)).extracting(w -> w.dedupeKey())
                .contains("freshbooks:bill:100:create", "procore:event:01HULID" + EngineFixture.PROCORE_SECRET.length());
    }

    @Test
    void aRemovedConnection_gets401_andIsNoLongerPolled() {
        provider.add(acme());
        scheduler.runPeriodic();
        int pollsBefore = polls();
        int queuedBefore = fx.items(WorkStatus.READY);
        int tasksWithIt = scheduler.activePeriodic();

        assertThat(provider.remove(EngineFixture.CONNECTION)).isTrue();

        assertThat(scheduler.activePeriodic()).isEqualTo(tasksWithIt - StreamPoller.polledStreams(acme()).size());
        scheduler.runPeriodic();
        assertThat(polls()).isEqualTo(pollsBefore);
        assertThat(engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", "100")).status()).isEqualTo(401);
        assertThat(engine.onProcoreWebhook(procoreWithSecret(EngineFixture.PROCORE_SECRET)).status()).isEqualTo(401);
        assertThat(fx.items(WorkStatus.READY)).isEqualTo(queuedBefore);
        assertThatThrownBy(() -> engine.pollOnce(EngineFixture.CONNECTION)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void anUpdatedSecret_takesEffectAtOnce() {
        provider.add(acme());
        assertThat(engine.onProcoreWebhook(procoreWithSecret(EngineFixture.PROCORE_SECRET)).status()).isEqualTo(200);

        provider.update(Connection.builder().id(EngineFixture.CONNECTION).accounting(fx.fb).projects(fx.pc)
                .accountingVerifier(acme().accountingVerifier())
                .projectVerifier(SharedSecretHeaderVerifier.builder().headerName("Authorization").prefix("Bearer ")
                        .secret("rotated-hook-secret").build())
                .policy(policy()).build());

        assertThat(engine.onProcoreWebhook(procoreWithSecret(EngineFixture.PROCORE_SECRET)).status()).isEqualTo(401);
        assertThat(engine.onProcoreWebhook(procoreWithSecret("rotated-hook-secret")).status()).isEqualTo(200);
        int before = polls();
        scheduler.runPeriodic();
        assertThat(polls()).as("the replaced connection is still polled, once per stream")
                .isEqualTo(before + fx.fb.streams().size());
    }

    @Test
    void aProviderThatDoesNotReportChanges_isRescannedOnTheWorkerTick() {
        engine.stop();
        InMemoryConnectionProvider backing = new InMemoryConnectionProvider();
        ConnectionProvider silent = new ConnectionProvider() {
            @Override
            public Optional<Connection> byId(String connectionId) {
                return backing.byId(connectionId);
            }

            @Override
            public Optional<Connection> byFreshBooksAccount(String accountId) {
                return backing.byFreshBooksAccount(accountId);
            }

            @Override
            public Optional<Connection> byProcoreCompany(String companyId) {
                return backing.byProcoreCompany(companyId);
            }

            @Override
            public List<Connection> all() {
                return backing.all();
            }
        };
        ManualScheduler own = new ManualScheduler();
        engine = engine(silent);
        engine.start(own);
        int idle = own.activePeriodic();

        backing.add(acme());
        assertThat(own.activePeriodic()).isEqualTo(idle);
        own.runPeriodic(); // the rescan schedules the new connection's polls

        assertThat(own.activePeriodic()).isEqualTo(idle + StreamPoller.polledStreams(acme()).size());
    }

    @Test
    void conflictingConnections_areRefused_andChangeNothing() {
        provider.add(acme());
        InMemoryAccountingSystem sameAccount = new InMemoryAccountingSystem(EngineFixture.ACCOUNT, fx.clock);
        Connection clash = Connection.builder().id("other").accounting(sameAccount)
                .projects(new io.mlconnector.testkit.ports.InMemoryProjectSystem(77, fx.clock))
                .accountingVerifier(acme().accountingVerifier()).projectVerifier(acme().projectVerifier()).build();

        assertThatThrownBy(() -> provider.add(clash)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("same FreshBooks account");
        assertThatThrownBy(() -> provider.add(acme())).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> provider.update(Connection.builder().id("nobody").accounting(sameAccount)
                .projects(fx.pc).accountingVerifier(acme().accountingVerifier())
                .projectVerifier(acme().projectVerifier()).build())).isInstanceOf(ConfigurationException.class);
        assertThat(provider.all()).extracting(Connection::id).containsExactly(EngineFixture.CONNECTION);
        assertThat(provider.remove("nobody")).isFalse();
    }

    @Test
    void fixedConnectionsAndAProvider_excludeEachOther() {
        assertThatThrownBy(() -> SyncEngine.builder().connection(acme()).connections(provider))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SyncEngine.builder().connections(provider).connection(acme()))
                .isInstanceOf(ConfigurationException.class);
    }
}
