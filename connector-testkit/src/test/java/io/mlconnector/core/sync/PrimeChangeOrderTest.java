package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.internal.flow.WorkType;
import io.mlconnector.core.sync.reconcile.ReconciledFlow;
import io.mlconnector.core.sync.reconcile.RecordStatus;
import io.mlconnector.testkit.ports.Faults;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Procore prime contract change orders → the fixed price of a fixed-price FreshBooks project, exactly once: post,
 * revise, void, delete, redeliver, poll, lost answers; hourly projects get nothing written.
 */
class PrimeChangeOrderTest {
    private static final String RESOURCE = "Prime Contract Change Orders";
    private EngineFixture fx;
    private SyncEngine engine;
    private Project fbProject;
    private final AtomicInteger ulids = new AtomicInteger();

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine();
        fbProject = fx.fb.addFixedPriceProject("Tower (FB)", "C-1", Money.of("50000.00", "USD"));
        fx.map(MappingKind.PROJECT, fbProject.ref().id(), String.valueOf(fx.tower.projectId()));
    }

    private void deliver(String id) {
        WebhookResponse r = engine.onProcoreWebhook(fx.procoreWebhook("ULID" + ulids.incrementAndGet(), RESOURCE, id,
                fx.tower.projectId(), null));
        assertThat(r.status()).isEqualTo(200);
        engine.drain();
    }

    private String fixedPrice() {
        return fx.fb.projectPricing(fbProject.ref().id()).fixedPrice().amount().toPlainString();
    }

    private LedgerEntry ledger(ChangeOrder co) {
        return fx.state.ledger(EngineFixture.CONNECTION, co.ref().key()).orElseThrow();
    }

    private static ChangeOrder revised(ChangeOrder c, int revision, String amount) {
        return new ChangeOrder(c.ref(), c.project(), c.contractId(), c.number(), revision, c.title(), "approved", true,
                false, Money.of(amount, "USD"), c.date(), List.of(), c.version(), c.sourceApplicationId(), c.originId());
    }

    @Test
    void approvedPrimeChangeOrderMovesTheFixedPriceByItsAmount_once() {
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).number("PCO-1").title("Owner extra").amount("1500.00").save();

        deliver(pco.ref().id());
        deliver(pco.ref().id());
        fx.clock.advance(Duration.ofMinutes(1));
        engine.pollOnce(EngineFixture.CONNECTION);
        engine.drain();
        SyncEngine restarted = fx.engine(fx.policy().build(), "node-b", Runnable::run, b -> b);
        restarted.onProcoreWebhook(fx.procoreWebhook("ULID-B", RESOURCE, pco.ref().id(), fx.tower.projectId(), null));
        restarted.drain();

        assertThat(fixedPrice()).isEqualTo("51500.00");
        assertThat(fx.fb.calls("updateProjectFixedPrice")).isEqualTo(1);
        assertThat(fx.fb.expenses()).as("what the owner is charged, not a cost").isEmpty();
        assertThat(fx.fb.project(fbProject.ref().id()).orElseThrow().budget()).as("no budget").isNull();
        LedgerEntry e = ledger(pco);
        assertThat(e.state()).isEqualTo(LedgerState.POSTED);
        assertThat(e.targetKind()).isEqualTo("FIXED_PRICE");
        assertThat(e.targetId()).isEqualTo(fbProject.ref().id());
        assertThat(e.attribute("fixedPrice.applied")).isEqualTo("1500.00");
        assertThat(fx.audits(AuditOutcome.POSTED)).singleElement().satisfies(a -> {
            assertThat(a.sourceRef()).isEqualTo("procore:prime_change_order:" + pco.ref().id());
            assertThat(a.targetRef()).isEqualTo(fbProject.ref().key());
            assertThat(a.reason()).contains("PCO-1").contains("by 1500.00 USD").contains("to 51500.00 USD");
        });
    }

    @Test
    void revisionMovesTheFixedPriceByTheDifferenceFromWhatWasAppliedLast() {
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).amount("1500").save();
        deliver(pco.ref().id());
        // someone edits the fixed price in FreshBooks in between: the revision moves it from there
        fx.fb.putProjectPricing(fbProject.ref().id(), true, Money.of("60000", "USD"));

        fx.pc.updatePrimeChangeOrder(pco.ref().id(), c -> revised(c, 1, "2000"));
        deliver(pco.ref().id());
        assertThat(fixedPrice()).isEqualTo("60500");
        fx.pc.updatePrimeChangeOrder(pco.ref().id(), c -> revised(c, 2, "1200"));
        deliver(pco.ref().id());

        assertThat(fixedPrice()).isEqualTo("59700");
        assertThat(ledger(pco).attribute("fixedPrice.applied")).isEqualTo("1200");
        assertThat(fx.audits(AuditOutcome.UPDATED)).hasSize(2);
        assertThat(fx.fb.calls("updateProjectFixedPrice")).isEqualTo(3);
    }

    @Test
    void voidedPrimeChangeOrderMovesTheFixedPriceBack_andAgainDeliveredMovesNothing() {
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).amount("1500").save();
        deliver(pco.ref().id());

        fx.pc.voidPrimeChangeOrder(pco.ref().id());
        deliver(pco.ref().id());
        deliver(pco.ref().id());

        assertThat(fixedPrice()).isEqualTo("50000.00");
        assertThat(ledger(pco).state()).isEqualTo(LedgerState.REVERSED);
        assertThat(ledger(pco).attribute("fixedPrice.applied")).isEqualTo("0");
        assertThat(fx.audits(AuditOutcome.REVERSED)).hasSize(1);
        assertThat(fx.fb.calls("updateProjectFixedPrice")).isEqualTo(2);
    }

    @Test
    void deletedPrimeChangeOrderMovesTheFixedPriceBack() {
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).amount("700").save();
        deliver(pco.ref().id());
        fx.pc.deletePrimeChangeOrder(pco.ref().id());

        deliver(pco.ref().id());

        assertThat(fixedPrice()).isEqualTo("50000.00");
        assertThat(ledger(pco).state()).isEqualTo(LedgerState.REVERSED);
    }

    @Test
    void primeChangeOrderNotApprovedWritesNothing() {
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).pending("pending").amount("700").save();

        deliver(pco.ref().id());

        assertThat(fx.fb.writes()).isZero();
        assertThat(fixedPrice()).isEqualTo("50000.00");
        assertThat(fx.audits(AuditOutcome.SKIPPED_NOT_APPLICABLE)).singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("not approved"));
    }

    @Test
    void lostAnswerOfTheFixedPriceWriteIsNotAppliedTwice() {
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).amount("1500").save();
        fx.fb.failNextAfterEffect("updateProjectFixedPrice", 1, Faults.outcomeUncertain());

        deliver(pco.ref().id());
        assertThat(fixedPrice()).isEqualTo("51500.00");
        assertThat(ledger(pco).state()).as("the intent is left for the retry").isEqualTo(LedgerState.PENDING);
        fx.clock.advance(Duration.ofSeconds(2));
        engine.drain();

        assertThat(fixedPrice()).isEqualTo("51500.00");
        assertThat(fx.fb.calls("updateProjectFixedPrice")).isEqualTo(1);
        assertThat(ledger(pco).state()).isEqualTo(LedgerState.POSTED);
        assertThat(ledger(pco).attribute("fixedPrice.applied")).isEqualTo("1500");
        assertThat(ledger(pco).attributes()).doesNotContainKeys("fixedPrice.after", "fixedPrice.for");
        assertThat(fx.audits(AuditOutcome.POSTED)).singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("already at"));
    }

    @Test
    void aLostAnswer_thenAnotherChangeOrderMovingThePrice_isFlaggedForAPerson_neverAppliedTwice() {
        ChangeOrder a = fx.pc.primeChangeOrder(fx.tower).amount("10").save();
        ChangeOrder b = fx.pc.primeChangeOrder(fx.tower).amount("20").save();
        fx.fb.failNextAfterEffect("updateProjectFixedPrice", 1, Faults.outcomeUncertain());
        deliver(a.ref().id()); // A's write landed (50,010) but its answer was lost: A waits for its retry
        deliver(b.ref().id()); // B moves the price on: 50,030
        assertThat(fixedPrice()).isEqualTo("50030.00");

        fx.clock.advance(Duration.ofMinutes(5));
        engine.drain(); // A's retry finds neither the price before it (50,000) nor the one it wrote (50,010)

        assertThat(fixedPrice()).as("A is not applied a second time").isEqualTo("50030.00");
        assertThat(fx.audits(AuditOutcome.FLAGGED_NEEDS_REVIEW)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("outcome is unknown").contains("50030"));
    }

    @Test
    void aProjectMappingMovedAfterAnAmountWasApplied_isFlagged_notAppliedToTheNewProject() {
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).amount("1500").save();
        deliver(pco.ref().id());
        Project other = fx.fb.addFixedPriceProject("Tower B (FB)", "C-2", Money.of("9000.00", "USD"));
        fx.mappings.remove(EngineFixture.CONNECTION, MappingKind.PROJECT, fbProject.ref().id());
        fx.map(MappingKind.PROJECT, other.ref().id(), String.valueOf(fx.tower.projectId()));

        deliver(fx.pc.updatePrimeChangeOrder(pco.ref().id(), c -> revised(c, 1, "2000")).ref().id());

        assertThat(fx.fb.projectPricing(other.ref().id()).fixedPrice().amount()).isEqualByComparingTo("9000.00");
        assertThat(fixedPrice()).isEqualTo("51500.00");
        assertThat(fx.audits(AuditOutcome.FLAGGED_NEEDS_REVIEW)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains(fbProject.ref().id()).contains(other.ref().id()));
    }

    @Test
    void aWriteThatFailedBeforeItsEffectIsMadeOnTheRetry_once() {
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).amount("1500").save();
        fx.fb.failNext("updateProjectFixedPrice", 1, Faults.serverError());

        deliver(pco.ref().id());
        assertThat(fixedPrice()).isEqualTo("50000.00");
        fx.clock.advance(Duration.ofSeconds(2));
        engine.drain();

        assertThat(fixedPrice()).isEqualTo("51500.00");
        assertThat(fx.fb.calls("updateProjectFixedPrice")).isEqualTo(2);
        assertThat(ledger(pco).state()).isEqualTo(LedgerState.POSTED);
    }

    @Test
    void hourlyProjectGetsNothingWritten_auditedAsSkipped_notRedone_andShownInTheReconciliation() {
        Project hourly = fx.fb.addProject("Annex (FB)", null, null);
        var annex = fx.pc.addProject("Annex");
        fx.map(MappingKind.PROJECT, hourly.ref().id(), String.valueOf(annex.projectId()));
        ChangeOrder pco = fx.pc.primeChangeOrder(annex).number("PCO-9").amount("800").save();

        engine.onProcoreWebhook(fx.procoreWebhook("U-H", RESOURCE, pco.ref().id(), annex.projectId(), null));
        engine.drain();

        assertThat(fx.fb.writes()).isZero();
        assertThat(fx.audits(AuditOutcome.SKIPPED_NOT_APPLICABLE)).singleElement().satisfies(a -> {
            assertThat(a.reason()).contains("not billed at a fixed price").contains("800 USD");
            assertThat(a.targetRef()).isEqualTo(hourly.ref().key());
        });
        assertThat(ledger(pco).attribute("skipped")).contains("not billed at a fixed price");
        PollResult poll = engine.pollOnce(EngineFixture.CONNECTION);
        assertThat(poll.stream("procore.PRIME_CHANGE_ORDERS:" + annex.projectId()).unchanged()).isEqualTo(1);

        var report = engine.reconcile(EngineFixture.CONNECTION, YearMonth.from(pco.date()));
        assertThat(report.records()).filteredOn(r -> r.flow() == ReconciledFlow.OWNER_CHANGES).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(RecordStatus.PROJECT_ONLY);
                    assertThat(r.sourceKey()).isEqualTo(pco.ref().key());
                    assertThat(r.number()).isEqualTo("PCO-9");
                    assertThat(r.projectAmount()).isEqualByComparingTo("800");
                    assertThat(r.accountingAmount()).isEqualByComparingTo("0");
                    assertThat(r.reason()).contains("not billed at a fixed price");
                });
    }

    @Test
    void appliedPrimeChangeOrderIsMatchedInTheReconciliation() {
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).number("PCO-2").amount("1500").save();
        deliver(pco.ref().id());

        var report = engine.reconcile(EngineFixture.CONNECTION, YearMonth.from(pco.date()));

        assertThat(report.records()).filteredOn(r -> r.flow() == ReconciledFlow.OWNER_CHANGES).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(RecordStatus.MATCHED);
                    assertThat(r.targetKind()).isEqualTo("FIXED_PRICE");
                    assertThat(r.targetId()).isEqualTo(fbProject.ref().id());
                    assertThat(r.accountingAmount()).isEqualByComparingTo("1500");
                });
        assertThat(report.costCodes()).filteredOn(c -> c.flow() == ReconciledFlow.OWNER_CHANGES).singleElement()
                .satisfies(c -> assertThat(c.matched()).isTrue());
    }

    @Test
    void pollFindsPrimeChangeOrdersOfMappedProjects() {
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).amount("250").save();
        String cursor = "procore.PRIME_CHANGE_ORDERS:" + fx.tower.projectId();

        assertThat(engine.pollOnce(EngineFixture.CONNECTION).stream(cursor).enqueued()).isEqualTo(1);
        engine.drain();
        fx.clock.advance(Duration.ofMinutes(5));
        PollResult again = engine.pollStream(EngineFixture.CONNECTION, SourceStream.PRIME_CHANGE_ORDERS);

        assertThat(fixedPrice()).isEqualTo("50250.00");
        assertThat(again.stream(cursor).unchanged()).isEqualTo(1);
        assertThat(again.enqueued()).isZero();
        assertThat(ledger(pco).state()).isEqualTo(LedgerState.POSTED);
    }

    @Test
    void commitmentChangeOrderResourcesStillGoToTheExpenseFlow() {
        assertThat(ofProjectResource("Prime Contract Change Orders"))
                .contains(WorkType.PROJECT_PRIME_CHANGE_ORDER);
        assertThat(ofProjectResource("Prime Change Orders")).contains(WorkType.PROJECT_PRIME_CHANGE_ORDER);
        assertThat(ofProjectResource("prime_change_order")).contains(WorkType.PROJECT_PRIME_CHANGE_ORDER);
        assertThat(ofProjectResource("Change Order Packages")).contains(WorkType.PROJECT_CHANGE_ORDER);
        assertThat(ofProjectResource("commitment_change_order")).contains(WorkType.PROJECT_CHANGE_ORDER);
    }

    @Test
    void unmappedProjectIsFlaggedThenReplayedOnce() {
        var annex = fx.pc.addProject("Annex");
        ChangeOrder pco = fx.pc.primeChangeOrder(annex).amount("100").save();
        engine.onProcoreWebhook(fx.procoreWebhook("U-9", RESOURCE, pco.ref().id(), annex.projectId(), null));
        engine.drain();

        assertThat(fx.audits(AuditOutcome.FLAGGED_UNMAPPED_PROJECT)).singleElement()
                .satisfies(a -> assertThat(a.reason()).contains(String.valueOf(annex.projectId())));
        assertThat(fx.items(WorkStatus.PARKED)).isEqualTo(1);
        assertThat(fx.fb.writes()).isZero();

        Project fbAnnex = fx.fb.addFixedPriceProject("Annex (FB)", null, Money.of("1000", "USD"));
        fx.map(MappingKind.PROJECT, fbAnnex.ref().id(), String.valueOf(annex.projectId()));
        engine.replay(EngineFixture.CONNECTION, pco.ref().key());
        engine.drain();
        engine.replayAll(EngineFixture.CONNECTION);
        engine.drain();

        assertThat(fx.fb.projectPricing(fbAnnex.ref().id()).fixedPrice().amount()).isEqualByComparingTo("1100");
        assertThat(fx.fb.calls("updateProjectFixedPrice")).isEqualTo(1);
    }

    @Test
    void fixedPriceInAnotherCurrencyIsFlagged_neverConverted() {
        fx.fb.putProjectPricing(fbProject.ref().id(), true, Money.of("50000", "CAD"));
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).amount("100").save();

        deliver(pco.ref().id());

        assertThat(fx.audits(AuditOutcome.FLAGGED_CURRENCY_MISMATCH)).singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("CAD"));
        assertThat(fx.fb.writes()).isZero();
    }

    /** The work a Procore resource name leads to, classified by the project port as the intake does. */
    private java.util.Optional<WorkType> ofProjectResource(String resource) {
        return fx.pc.recordKindOf(resource).flatMap(WorkType::ofProject);
    }
}
