package io.mlconnector.examples.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.audit.JsonLinesFileAuditSink;
import io.mlconnector.examples.demo.DemoContractor;
import io.mlconnector.examples.demo.DemoEnvironment;
import io.mlconnector.testkit.freshbooks.Bill;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.BillVendor;
import io.mlconnector.testkit.procore.Commitment;
import io.mlconnector.testkit.procore.CommitmentType;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.Requisition;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.procore.Vendor;
import io.mlconnector.testkit.time.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FreshBooks → Procore end to end (issue 6): the FreshBooks sandbox delivers signed webhooks to the example host, the
 * real engine posts through the real Procore client into the Procore sandbox. The engine is drained by the test.
 */
class BillFlowEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private DemoEnvironment env;
    private DemoContractor c;
    private ProcoreSandbox pc;
    private SyncEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        env = DemoEnvironment.builder().policy(p -> p.backoffBase(Duration.ofMillis(10))
                .backoffMax(Duration.ofMillis(100))).build();
        c = env.contractor();
        pc = env.procore();
        engine = env.runtime().engine();
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private String conn() {
        return env.runtime().connectionId();
    }

    private void ready() throws InterruptedException {
        env.align();
        env.registerWebhooks();
    }

    /** Bills in, as a FreshBooks user enters them; waits until the host has queued all their webhooks. */
    private Bill enter(BillVendor vendor, String number, BillLine... lines) throws InterruptedException {
        int before = env.tally().count("freshbooks", "queued");
        Bill b = env.freshBooks().act().bill(vendor.id(), env.today(), number, List.of(lines));
        env.tally().await("freshbooks", "queued", before + 1, WAIT);
        return b;
    }

    private List<Requisition> requisitions() {
        return pc.requisitions(c.harborTower().id());
    }

    private long procoreWrites() {
        return pc.requestLog().entries(r -> !r.method().equals("GET")).size();
    }

    private List<AuditEvent> audit() {
        return JsonLinesFileAuditSink.readAll(env.runtime().auditFile().file());
    }

    private static BigDecimal amount(JsonNode item) {
        return new BigDecimal(item.path("work_completed_this_period").asText("0"));
    }

    @Test
    void webhook_postsARequisitionWithTheRightLines() throws Exception {
        Vendor summit = pc.seed().vendor(c.company().id(), "Summit Concrete and Framing");
        BillVendor fbSummit = env.freshBooks().seed().billVendor("Summit Concrete and Framing");
        Commitment sc = pc.seed().commitment(c.harborTower().id(), summit.id(), CommitmentType.WORK_ORDER,
                "SC-007 Concrete and framing",
                SovLine.of(c.concreteCode().id(), c.materials().id(), "Concrete", "50000.00"),
                SovLine.of(c.carpentryCode().id(), c.labor().id(), "Framing labor", "30000.00"));
        ready();
        env.runtime().mappings().put(Mapping.confirmed(conn(), MappingKind.VENDOR_PROJECT, Long.toString(fbSummit.id()),
                Long.toString(c.harborTower().id())));

        Bill bill = enter(fbSummit, "SCF-1001",
                BillLine.of(c.concrete().id(), "Footings, pour 1", "1", "1000.10"),
                BillLine.of(c.carpentry().id(), "Framing crew", "3", "83.35"),
                BillLine.of(c.concrete().id(), "Footings, pour 2", "2", "5.05"));
        engine.drain();

        assertThat(requisitions()).singleElement().satisfies(r -> {
            assertThat(r.commitmentId()).isEqualTo(sc.id());
            assertThat(r.originId()).isEqualTo(env.originId("bill", bill.id()));
            assertThat(r.invoiceNumber()).isEqualTo("SCF-1001");
            assertThat(r.totalClaimed()).isEqualByComparingTo("1260.25");
            Map<Long, BigDecimal> byLine = pc.requisitionItems(r.id()).stream().collect(Collectors.toMap(
                    i -> i.path("line_item_id").asLong(), BillFlowEndToEndTest::amount));
            assertThat(byLine.get(sc.lines().get(0).id())).isEqualByComparingTo("1010.20");
            assertThat(byLine.get(sc.lines().get(1).id())).isEqualByComparingTo("250.05");
        });
        assertThat(engine.ledger(conn(), "freshbooks:bill:" + bill.id()))
                .hasValueSatisfying(l -> assertThat(l.state()).isEqualTo(LedgerState.POSTED));
        assertThat(audit()).filteredOn(e -> e.outcome() == AuditOutcome.POSTED)
                .anySatisfy(e -> assertThat(e.sourceRef()).isEqualTo("freshbooks:bill:" + bill.id()));
    }

    @Test
    void unmappedVendor_isFlagged_withNoProcoreWrite_thenPostedOnceAfterTheFixAndReplay() throws Exception {
        ready();
        long writesBefore = procoreWrites();

        Bill bill = enter(c.fbLonePine(), "LPF-117", BillLine.of(c.carpentry().id(), "Framing crew", "1", "6800.00"));
        engine.drain();

        assertThat(procoreWrites()).isEqualTo(writesBefore);
        assertThat(pc.directCosts(c.harborTower().id())).isEmpty();
        assertThat(requisitions()).isEmpty();
        assertThat(engine.items(conn(), WorkStatus.PARKED)).singleElement()
                .satisfies(w -> assertThat(w.lastError()).contains("no confirmed Procore vendor mapping"));
        assertThat(audit()).filteredOn(e -> e.outcome() == AuditOutcome.FLAGGED_UNMAPPED_VENDOR).singleElement()
                .satisfies(e -> assertThat(e.sourceRef()).isEqualTo("freshbooks:bill:" + bill.id()));
        assertThat(env.runtime().mappings().unmapped(conn()))
                .anySatisfy(u -> assertThat(u.sourceId()).isEqualTo(Long.toString(c.fbLonePine().id())));

        Vendor lonePine = pc.seed().vendor(c.company().id(), "Lone Pine Framing");
        env.runtime().mappings().put(Mapping.confirmed(conn(), MappingKind.VENDOR, Long.toString(c.fbLonePine().id()),
                Long.toString(lonePine.id())));
        assertThat(engine.replay(conn(), "freshbooks:bill:" + bill.id())).isEqualTo(1);
        engine.drain();
        assertThat(engine.replay(conn(), "freshbooks:bill:" + bill.id())).isZero();
        engine.replayAll(conn());
        engine.drain();

        assertThat(pc.directCosts(c.harborTower().id())).singleElement().satisfies(d -> {
            assertThat(d.originId()).isEqualTo(env.originId("bill", bill.id()));
            assertThat(d.vendorId()).isEqualTo(lonePine.id());
            assertThat(d.grandTotal()).isEqualByComparingTo("6800.00");
        });
        assertThat(engine.items(conn(), WorkStatus.PARKED)).isEmpty();
    }

    @Test
    void duplicateAndLateWebhooks_andAPollOverTheSameWindow_leaveOneObject() throws Exception {
        ready();
        env.freshBooks().webhookFaults().duplicateNext(1);
        Bill bill = env.freshBooks().act().bill(c.fbBrightSpark().id(), env.today(), "BSE-1", List.of(
                BillLine.of(c.electrical().id(), "Rough-in", "1", "14250.00")));
        env.tally().awaitUntil(t -> t.count("freshbooks", "queued") + t.count("freshbooks", "duplicate") >= 2, WAIT,
                "the original and the duplicate delivery");
        engine.drain();

        int answered = env.tally().count("freshbooks", "queued");
        env.freshBooks().fireEvent("bill.create", bill.id()); // a late redelivery after the bill was posted
        env.tally().await("freshbooks", "queued", answered + 1, WAIT);
        engine.drain();
        engine.pollOnce(conn());
        engine.drain();
        engine.pollStream(conn(), SourceStream.BILLS);
        engine.drain();

        assertThat(requisitions()).singleElement()
                .satisfies(r -> assertThat(r.originId()).isEqualTo(env.originId("bill", bill.id())));
        assertThat(pc.requestLog().count("POST", "/rest/v1.1/requisitions")).isEqualTo(1);
        assertThat(audit()).filteredOn(e -> e.outcome() == AuditOutcome.POSTED
                && ("freshbooks:bill:" + bill.id()).equals(e.sourceRef())).hasSize(1);
    }

    @Test
    void anUpdatedBill_updatesTheSameRequisition() throws Exception {
        ready();
        Bill bill = enter(c.fbBrightSpark(), "BSE-2", BillLine.of(c.electrical().id(), "Rough-in", "1", "1000.00"));
        engine.drain();
        long id = requisitions().get(0).id();

        int answered = env.tally().count("freshbooks", "queued");
        env.freshBooks().updateBill(bill.id(), Map.of("lines", List.of(Map.of("categoryid", c.electrical().id(),
                "description", "Rough-in, revised", "quantity", "1", "unit_cost", Map.of("amount", "1200.00")))));
        env.tally().await("freshbooks", "queued", answered + 1, WAIT);
        engine.drain();

        assertThat(requisitions()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.totalClaimed()).isEqualByComparingTo("1200.00");
        });
    }

    @Test
    void crashBetweenCreateAndLedgerWrite_thenRestart_leavesOneObject() throws Exception {
        env.align();
        SyncStateStore state = new InMemorySyncStateStore();
        MutableClock clock = MutableClock.startingNow();
        Bill bill = env.freshBooks().seed().bill(c.fbRebar().id(), env.today(), "INV-7", List.of(
                BillLine.of(c.concrete().id(), "Ready-mix", "10", "164.50")));
        SyncEngine crashing = engine(state, clock, "node-a", crashAfterCreate(env.runtime().procore().projects()));
        crashing.pollStream(conn(), SourceStream.BILLS);

        assertThatThrownBy(crashing::drain).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(SimulatedCrash.class);
        assertThat(requisitions()).hasSize(1);
        assertThat(state.ledger(conn(), "freshbooks:bill:" + bill.id()).map(l -> l.state()))
                .isNotEqualTo(java.util.Optional.of(LedgerState.POSTED));

        clock.advance(Duration.ofMinutes(10)); // the crashed node's lease has run out
        SyncEngine restarted = engine(state, clock, "node-b", env.runtime().procore().projects());
        restarted.drain();
        restarted.pollStream(conn(), SourceStream.BILLS);
        restarted.drain();

        assertThat(requisitions()).singleElement()
                .satisfies(r -> assertThat(r.originId()).isEqualTo(env.originId("bill", bill.id())));
        assertThat(pc.requestLog().count("POST", "/rest/v1.1/requisitions")).isEqualTo(1);
        assertThat(state.ledger(conn(), "freshbooks:bill:" + bill.id()))
                .hasValueSatisfying(l -> assertThat(l.state()).isEqualTo(LedgerState.POSTED));
    }

    @Test
    void connectionResetOnTheCreate_isUncertain_andTheRetryLooksUpBeforePostingOnce() throws Exception {
        ready();
        pc.faults().onlyFor(path -> path.equals("/rest/v1.1/projects/" + c.harborTower().id() + "/direct_costs"))
                .connectionResets(1);

        Bill bill = enter(c.fbCascade(), "CER-1", BillLine.of(c.equipment().id(), "Telehandler", "2", "1637.70"));
        await().atMost(WAIT).until(() -> {
            engine.drain();
            return !pc.directCosts(c.harborTower().id()).isEmpty();
        });
        engine.drain();

        assertThat(pc.faults().injectedCount()).isEqualTo(1);
        assertThat(pc.directCosts(c.harborTower().id())).singleElement().satisfies(d -> {
            assertThat(d.originId()).isEqualTo(env.originId("bill", bill.id()));
            assertThat(d.grandTotal()).isEqualByComparingTo("3275.40");
        });
        assertThat(audit()).anySatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.OUTCOME_UNCERTAIN));
    }

    // ------------------------------------------------------------------ a separately built engine (crash test)

    private SyncEngine engine(SyncStateStore state, MutableClock clock, String node, ProjectSystem projects) {
        SyncPolicy policy = SyncPolicy.builder().enabledStreams(Set.of(SourceStream.BILLS))
                .backoffBase(Duration.ofMillis(10)).backoffMax(Duration.ofMillis(100)).build();
        return SyncEngine.builder().stateStore(state).mappingStore(env.runtime().mappings())
                .auditSink(new InMemoryAuditLog()).clock(clock).nodeId(node).defaultPolicy(policy)
                .connection(Connection.builder().id(conn()).accounting(env.runtime().freshBooks().accounting())
                        .projects(projects).accountingVerifier(env.runtime().callbackVerifiers())
                        .projectVerifier(env.runtime().procore().verifier()).policy(policy).build())
                .build();
    }

    /**
     * The process dies right after Procore accepted the create, before the engine writes its ledger. An
     * {@link InternalError}, like the failures that end a JVM, so the worker does not settle the item: its lease
     * simply runs out, as after a real crash (an ordinary {@link Error} is settled as a failed attempt).
     */
    static final class SimulatedCrash extends InternalError {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash after the create");
        }
    }

    private static ProjectSystem crashAfterCreate(ProjectSystem real) {
        return (ProjectSystem) Proxy.newProxyInstance(ProjectSystem.class.getClassLoader(),
                new Class<?>[] {ProjectSystem.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().startsWith("create")) {
                        throw new SimulatedCrash();
                    }
                    return result;
                });
    }

}
