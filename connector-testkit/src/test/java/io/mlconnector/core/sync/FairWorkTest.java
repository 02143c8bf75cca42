package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.observe.WorkEvent;
import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.flow.WorkType;
import io.mlconnector.core.webhook.HmacSha256Verifier;
import io.mlconnector.core.webhook.SharedSecretHeaderVerifier;
import io.mlconnector.core.webhook.SignatureEncoding;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.testkit.ports.Faults;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import io.mlconnector.testkit.ports.InMemoryProjectSystem;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: one busy or slow connection does not starve the others. Claims take the connections round robin (a
 * backlog does not push another connection's item back), and a connection whose calls hang holds at most
 * {@code maxInFlightPerConnection} workers: another connection's item is worked while they hang.
 */
class FairWorkTest {
    private static final String OTHER = "bravo";
    private final EngineFixture fx = new EngineFixture();
    private final List<WorkEvent> worked = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(5);

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private Connection other() {
        return Connection.builder().id(OTHER).accounting(new InMemoryAccountingSystem("ACC2", fx.clock))
                .projects(new InMemoryProjectSystem(43, fx.clock))
                .accountingVerifier(HmacSha256Verifier.builder().headerName("X-FreshBooks-Hmac-SHA256")
                        .secret("other-fb").encoding(SignatureEncoding.BASE64).build())
                .projectVerifier(SharedSecretHeaderVerifier.builder().headerName("Authorization").prefix("Bearer ")
                        .secret(EngineFixture.PROCORE_SECRET).build())
                .policy(fx.policy().build()).build();
    }

    private SyncEngine engine(SyncPolicy policy) {
        return fx.engine(policy, "node-a", Runnable::run, b -> b.connection(other()).listener(new ConnectorListener() {
            @Override
            public void onWork(WorkEvent e) {
                if (e.attempt() > 0) {
                    worked.add(e);
                }
            }
        }));
    }

    /** A bill item of the busy connection ("acme"), as a webhook or poll would queue it. */
    private void billItem(int i) {
        String id = String.valueOf(100 + i);
        fx.state.enqueue(WorkItem.ready("acme-" + i, EngineFixture.CONNECTION, "freshbooks:bill:" + id + ":create",
                WorkType.ACCOUNTING_BILL.code(), WorkPayload.builder().put(WorkPayload.ID, id)
                        .put(WorkPayload.ACTION, "create").put(WorkPayload.SOURCE, "freshbooks:bill:" + id).build().encode(),
                fx.clock.instant()));
        fx.clock.advance(Duration.ofMillis(1));
    }

    /** A Procore direct-cost event of the other connection (company 43). */
    private WebhookRequest otherEvent(String ulid) {
        String body = new String(fx.procoreWebhook(ulid, "Direct Costs", "9", 77, null).body(), StandardCharsets.UTF_8)
                .replace("\"company_id\":42", "\"company_id\":43").replace("\"source_company_id\":42",
                        "\"source_company_id\":43");
        return WebhookRequest.of(Map.of("Authorization", "Bearer " + EngineFixture.PROCORE_SECRET,
                "Content-Type", "application/json"), body);
    }

    @Test
    void aBacklogOfOneConnection_doesNotPushBackTheOthersItem() {
        SyncEngine engine = engine(fx.policy().batchSize(4).build());
        for (int i = 0; i < 12; i++) {
            fx.fb.failNext("fetchBill", 1, Faults.serverError());
            billItem(i);
        }
        assertThat(engine.onProcoreWebhook(otherEvent("01HOTHER1")).status()).isEqualTo(200);

        engine.drain();

        List<String> order = worked.stream().map(WorkEvent::connectionId).toList();
        assertThat(order).hasSize(13);
        assertThat(order.indexOf(OTHER)).as("the other connection's item is worked in the first batch, not after the "
                + "backlog: %s", order).isLessThan(4);
    }

    @Test
    void aConnectionWhoseCallsHang_holdsAtMostItsCap_andAnotherConnectionIsWorkedMeanwhile() throws Exception {
        CountDownLatch hanging = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        AccountingSystem hangingPort = (AccountingSystem) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AccountingSystem.class}, (proxy, method, args) -> {
                    if (method.getName().equals("fetchBill")) {
                        hanging.countDown();
                        release.await();
                        throw Faults.serverError().get();
                    }
                    try {
                        return method.invoke(fx.fb, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Connection acme = fx.connection(fx.policy().build());
        Connection slowAcme = Connection.builder().id(acme.id()).accounting(hangingPort).projects(fx.pc)
                .accountingVerifier(acme.accountingVerifier()).projectVerifier(acme.projectVerifier())
                .policy(acme.policy()).build();
        CountDownLatch otherWorked = new CountDownLatch(1);
        SyncEngine engine = SyncEngine.builder().stateStore(fx.state).mappingStore(fx.mappings).auditSink(fx.audit)
                .clock(fx.clock).executor(pool).nodeId("node-a").defaultPolicy(fx.policy().batchSize(4).build())
                .freshBooksWebhookParser(TestWebhookParsers.freshBooks())
                .procoreWebhookParser(TestWebhookParsers.procore()).connection(slowAcme).connection(other())
                .maxInFlightPerConnection(3).listener(new ConnectorListener() {
                    @Override
                    public void onWork(WorkEvent e) {
                        if (e.attempt() > 0 && OTHER.equals(e.connectionId())) {
                            otherWorked.countDown();
                        }
                    }
                }).build();
        for (int i = 0; i < 10; i++) {
            billItem(i);
        }
        ExecutorService host = Executors.newSingleThreadExecutor();
        try {
            Future<RunSummary> drain = host.submit(engine::drain);
            assertThat(hanging.await(10, TimeUnit.SECONDS)).as("three of acme's items hang").isTrue();
            assertThat(fx.state.items(EngineFixture.CONNECTION, WorkStatus.LEASED)).as("no more than its cap")
                    .hasSize(3);

            assertThat(engine.onProcoreWebhook(otherEvent("01HOTHER2")).status()).isEqualTo(200);

            assertThat(otherWorked.await(10, TimeUnit.SECONDS))
                    .as("the other connection's item is worked while acme's calls hang").isTrue();
            assertThat(release.getCount()).isEqualTo(1);
            release.countDown();
            RunSummary summary = drain.get(30, TimeUnit.SECONDS);
            assertThat(summary.claimed()).isEqualTo(11);
        } finally {
            release.countDown();
            host.shutdownNow();
        }
    }
}
