package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditOutcome;

import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.ExpenseEntry;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.testkit.ports.Faults;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Procore commitment change orders and direct costs → FreshBooks expenses (never the project budget, which is hours):
 * post, revise, void, redeliver, restart, echo, flags; budget changes write nothing.
 */
class ProcoreToFreshBooksTest {
    private EngineFixture fx;
    private SyncEngine engine;
    private Project fbProject;
    private GlAccount concreteCategory;
    private GlAccount steelCategory;
    private final AtomicInteger ulids = new AtomicInteger();

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine();
        fbProject = fx.fb.addProject("Tower (FB)", "C-1", Money.of("100000.00", "USD"));
        fx.map(MappingKind.PROJECT, fbProject.ref().id(), String.valueOf(fx.tower.projectId()));
        concreteCategory = fx.fb.addGlAccount("Concrete", "5100");
        steelCategory = fx.fb.addGlAccount("Steel", "5500");
        fx.map(MappingKind.COST_CODE_CATEGORY, "03-300", concreteCategory.ref().id());
        fx.map(MappingKind.COST_CODE_CATEGORY, "05-100", steelCategory.ref().id());
    }

    private void deliver(String resource, String id) {
        WebhookResponse r = engine.onProcoreWebhook(fx.procoreWebhook("ULID" + ulids.incrementAndGet(), resource, id,
                fx.tower.projectId(), null));
        assertThat(r.status()).isEqualTo(200);
        engine.drain();
    }

    private Money budget() {
        return fx.fb.project(fbProject.ref().id()).orElseThrow().budget();
    }

    /** The FreshBooks budget (hours) is never written: it keeps its seeded value. */
    private void assertBudgetUntouched() {
        assertThat(budget().amount()).as("FreshBooks project budget (hours) is never written")
                .isEqualByComparingTo("100000.00");
    }

    private String key(ChangeOrder co) {
        return "procore:change_order:" + co.ref().id();
    }

    @Test
    void approvedChangeOrderBecomesOneExpenseAndWritesNoBudget() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).number("CO-3").title("Extra footing")
                .line("03-300", null, "footing", "1200.50").save();

        deliver("Change Order Packages", co.ref().id());

        assertThat(fx.fb.expenses()).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(Money.of("1200.50", "USD"));
            assertThat(e.category()).isEqualTo(concreteCategory.ref());
            assertThat(e.project()).isEqualTo(fbProject.ref());
            assertThat(e.notes()).contains("CO-3").contains("Extra footing")
                    .contains("pc:42:change_order:" + co.ref().id() + ":" + concreteCategory.ref().id());
        });
        assertBudgetUntouched();
        assertThat(fx.fb.writes()).as("one expense, nothing else").isEqualTo(1);
        LedgerEntry entry = fx.state.ledger(EngineFixture.CONNECTION, key(co)).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.POSTED);
        assertThat(entry.attribute("posted." + concreteCategory.ref().id())).isEqualTo("1200.50");
        assertThat(entry.attributes()).doesNotContainKey("budget.applied");
        assertThat(fx.audits(AuditOutcome.POSTED)).hasSize(1);
        assertThat(fx.fb.calls("findExpense") + fx.fb.calls("findExpenseByMarker"))
                .as("a fresh ledger entry proves no earlier attempt: no look before the create").isZero();
    }

    @Test
    void steadyStateCostsOneFreshBooksWritePerCategoryAndNoRead() {
        ChangeOrder first = fx.pc.changeOrder(fx.tower).line("03-300", null, "a", "100").save();
        deliver("Change Order Packages", first.ref().id());
        assertThat(fx.fb.calls("listExpenseMarkers")).as("the ledger's continuity is checked once per store")
                .isEqualTo(1);
        int reads = fx.fb.reads();
        int writes = fx.fb.writes();

        for (int i = 0; i < 5; i++) {
            ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "a", "40" + i)
                    .line("05-100", null, "b", "60" + i).save();
            deliver("Change Order Packages", co.ref().id());
        }
        CostUpdate dc = fx.pc.costUpdate(fx.tower, CostUpdateKind.DIRECT_COST).line("03-300", null, "rental", "75")
                .save();
        deliver("Direct Costs", dc.ref().id());

        assertThat(fx.fb.expenses()).hasSize(1 + 5 * 2 + 1);
        assertThat(fx.fb.writes() - writes).as("one expense create per category, nothing else").isEqualTo(5 * 2 + 1);
        assertThat(fx.fb.reads() - reads).as("no FreshBooks read at steady state").isZero();
        assertThat(fx.fb.calls("listExpenseMarkers")).isEqualTo(1);
    }

    @Test
    void crashBetweenACreateAndItsLedgerWriteIsRecoveredWithOneNarrowLookAndNoDuplicate() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "a", "400").line("05-100", null, "b", "600")
                .save();
        // the first category's create reaches FreshBooks, then the call fails before the ledger write (as a crash)
        fx.fb.failNextAfterEffect("createExpense", 1, Faults.serverError());
        deliver("Change Order Packages", co.ref().id());
        assertThat(fx.fb.expenses()).hasSize(1);
        LedgerEntry pending = fx.state.ledger(EngineFixture.CONNECTION, key(co)).orElseThrow();
        assertThat(pending.attributes()).as("the intent to create was recorded before the create")
                .containsKey("creating." + concreteCategory.ref().id());

        fx.clock.advance(Duration.ofHours(1));
        engine.drain();

        assertThat(fx.fb.expenses()).hasSize(2);
        assertThat(fx.fb.expenses()).extracting(e -> e.amount().amount().toPlainString())
                .containsExactlyInAnyOrder("400", "600");
        assertThat(fx.fb.calls("findExpense")).as("one look, for the category whose create was in flight")
                .isEqualTo(1);
        LedgerEntry done = fx.state.ledger(EngineFixture.CONNECTION, key(co)).orElseThrow();
        assertThat(done.state()).isEqualTo(LedgerState.POSTED);
        assertThat(done.attributes()).doesNotContainKeys("creating." + concreteCategory.ref().id(),
                "creating." + steelCategory.ref().id());
    }

    @Test
    void aCreateLostInACrashIsFoundByTheAmountItWasSentWith_evenWhenTheChangeOrderWasRevisedMeanwhile() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "a", "250").save();
        fx.fb.failNextAfterEffect("createExpense", 1, Faults.serverError());
        deliver("Change Order Packages", co.ref().id());
        assertThat(fx.fb.expenses()).hasSize(1);

        fx.pc.updateChangeOrder(co.ref().id(), c -> revised(c, 1, "300"));
        fx.clock.advance(Duration.ofHours(1));
        deliver("Change Order Packages", co.ref().id());

        assertThat(fx.fb.expenses()).singleElement().satisfies(e -> assertThat(e.amount().amount())
                .isEqualByComparingTo("300"));
        assertThat(fx.fb.calls("createExpense")).isEqualTo(1);
    }

    @Test
    void anEntryWrittenBeforeTheIntentProtocolStillLooksBeforeCreating() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "a", "250").save();
        String marker = "pc:42:change_order:" + co.ref().id() + ":" + concreteCategory.ref().id();
        fx.fb.createExpense(new ExpenseEntry(null, marker, concreteCategory.ref(), fbProject.ref(), null,
                Money.of("250", "USD"), java.time.LocalDate.of(2026, 1, 5), null, "created by an older version"));
        fx.state.ledgerPut(new LedgerEntry(EngineFixture.CONNECTION, key(co), null, "EXPENSE", null,
                LedgerState.PENDING, null, java.util.Map.of("currency", "USD"), fx.clock.instant()));

        deliver("Change Order Packages", co.ref().id());

        assertThat(fx.fb.expenses()).hasSize(1);
        assertThat(fx.fb.calls("createExpense")).isEqualTo(1);
        assertThat(fx.fb.calls("findExpense")).isEqualTo(1);
        assertThat(fx.state.ledger(EngineFixture.CONNECTION, key(co)).orElseThrow().state())
                .isEqualTo(LedgerState.POSTED);
    }

    @Test
    void revisionUpdatesTheSameExpenseAndWritesNoBudget() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "footing", "1000").save();
        deliver("Change Order Packages", co.ref().id());
        String expenseId = fx.fb.expenses().get(0).ref().id();

        fx.pc.updateChangeOrder(co.ref().id(), c -> revised(c, 1, "1500"));
        deliver("Change Order Packages", co.ref().id());

        assertThat(fx.fb.expenses()).singleElement().satisfies(e -> {
            assertThat(e.ref().id()).isEqualTo(expenseId);
            assertThat(e.amount().amount()).isEqualByComparingTo("1500");
        });
        assertBudgetUntouched();
        assertThat(fx.fb.calls("createExpense")).isEqualTo(1);
        assertThat(fx.fb.writes()).isEqualTo(2);
        assertThat(fx.audits(AuditOutcome.UPDATED)).hasSize(1);
    }

    @Test
    void voidedChangeOrderIsReversedToZeroAndWritesNoBudget() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "footing", "1000").save();
        deliver("Change Order Packages", co.ref().id());

        fx.pc.voidChangeOrder(co.ref().id());
        deliver("Change Order Packages", co.ref().id());

        assertThat(fx.fb.expenses()).singleElement().satisfies(e -> {
            assertThat(e.amount().isZero()).isTrue();
            assertThat(e.notes()).contains("voided");
        });
        assertThat(fx.state.ledger(EngineFixture.CONNECTION, key(co)).orElseThrow().state())
                .isEqualTo(LedgerState.REVERSED);
        assertThat(fx.audits(AuditOutcome.REVERSED)).hasSize(1);

        // the void delivered again: nothing moves
        deliver("Change Order Packages", co.ref().id());
        assertThat(fx.fb.expenses()).hasSize(1);
        assertThat(fx.fb.writes()).as("the create and the reversal, nothing else").isEqualTo(2);
        assertBudgetUntouched();
    }

    @Test
    void deletedChangeOrderIsReversed() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "footing", "700").save();
        deliver("Change Order Packages", co.ref().id());
        fx.pc.deleteChangeOrder(co.ref().id());

        deliver("Change Order Packages", co.ref().id());

        assertThat(fx.fb.expenses().get(0).amount().isZero()).isTrue();
        assertThat(fx.fb.writes()).isEqualTo(2);
        assertBudgetUntouched();
    }

    @Test
    void redeliveryPollOverlapAndRestartCountNothingTwice() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "a", "400").line("05-100", null, "b", "600")
                .save();
        WebhookResponse first = engine.onProcoreWebhook(fx.procoreWebhook("U-1", "Change Order Packages",
                co.ref().id(), fx.tower.projectId(), null));
        assertThat(first.status()).isEqualTo(200);
        engine.drain();
        // the same delivery again (Procore retried), a poll over the same window, and a restarted node
        engine.onProcoreWebhook(fx.procoreWebhook("U-1", "Change Order Packages", co.ref().id(), fx.tower.projectId(),
                null));
        engine.drain();
        fx.clock.advance(Duration.ofMinutes(1));
        engine.pollOnce(EngineFixture.CONNECTION);
        engine.drain();
        SyncEngine restarted = fx.engine(fx.policy().build(), "node-b", Runnable::run, b -> b);
        restarted.onProcoreWebhook(fx.procoreWebhook("U-2", "Change Order Packages", co.ref().id(),
                fx.tower.projectId(), null));
        restarted.drain();

        assertThat(fx.fb.expenses()).hasSize(2);
        assertThat(fx.fb.expenses()).extracting(e -> e.amount().amount().toPlainString())
                .containsExactlyInAnyOrder("400", "600");
        assertThat(fx.fb.writes()).as("two expense creates, nothing else").isEqualTo(2);
        assertBudgetUntouched();
        assertThat(fx.audits(AuditOutcome.POSTED)).hasSize(1);
    }

    @Test
    void lineMovedToAnotherCostCodeZeroesTheOldCategoryExpense() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "a", "400").save();
        deliver("Change Order Packages", co.ref().id());

        fx.pc.updateChangeOrder(co.ref().id(), c -> new ChangeOrder(c.ref(), c.project(), c.contractId(), c.number(), 1,
                c.title(), "approved", true, false, Money.of("400", "USD"), c.date(),
                List.of(new ChangeOrderLine("05-100", null, "a", Money.of("400", "USD"))), c.version(),
                c.sourceApplicationId(), c.originId()));
        deliver("Change Order Packages", co.ref().id());

        assertThat(fx.fb.expenses()).hasSize(2);
        assertThat(fx.fb.expenses()).filteredOn(e -> e.category().equals(concreteCategory.ref()))
                .singleElement().satisfies(e -> assertThat(e.amount().isZero()).isTrue());
        assertThat(fx.fb.expenses()).filteredOn(e -> e.category().equals(steelCategory.ref()))
                .singleElement().satisfies(e -> assertThat(e.amount().amount()).isEqualByComparingTo("400"));
        assertBudgetUntouched();
    }

    @Test
    void lostAnswerOfAnExpenseCreateIsFoundByMarkerNotCreatedTwice() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "a", "250").save();
        fx.fb.failNextAfterEffect("createExpense", 1, Faults.outcomeUncertain());
        deliver("Change Order Packages", co.ref().id());
        assertThat(fx.audits(AuditOutcome.OUTCOME_UNCERTAIN)).hasSize(1);

        fx.clock.advance(Duration.ofSeconds(1));
        engine.drain();

        assertThat(fx.fb.expenses()).hasSize(1);
        assertThat(fx.fb.calls("createExpense")).isEqualTo(1);
        assertThat(fx.fb.calls("findExpense")).as("no look before the first create; one before the retry")
                .isEqualTo(1);
        assertBudgetUntouched();
    }

    @Test
    void aLostLedgerFindsTheExpenseByItsMarker_andCreatesNothingTwice() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "a", "250").save();
        deliver("Change Order Packages", co.ref().id());
        assertThat(fx.fb.expenses()).hasSize(1);

        SyncEngine amnesiac = fx.engine(fx.policy().build(), "node-b", Runnable::run,
                b -> b.stateStore(new io.mlconnector.core.state.InMemorySyncStateStore()));
        amnesiac.onProcoreWebhook(fx.procoreWebhook("ulid-after-restart", "Change Order Packages", co.ref().id(),
                fx.tower.projectId(), null));
        amnesiac.drain();

        assertThat(fx.fb.expenses()).hasSize(1);
        assertThat(fx.fb.calls("createExpense")).isEqualTo(1);
        assertThat(fx.fb.calls("listExpenseMarkers")).as("each store checks its ledger against FreshBooks once")
                .isEqualTo(2);
    }

    @Test
    void changeOrderOnAFixedPriceProjectLeavesTheFixedPriceAlone() {
        Project fixed = fx.fb.addFixedPriceProject("Tower fixed (FB)", null, Money.of("50000", "USD"));
        fx.mappings.remove(EngineFixture.CONNECTION, MappingKind.PROJECT, fbProject.ref().id());
        fx.map(MappingKind.PROJECT, fixed.ref().id(), String.valueOf(fx.tower.projectId()));
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "a", "250").save();

        deliver("Change Order Packages", co.ref().id());

        assertThat(fx.fb.expenses()).singleElement().satisfies(e -> assertThat(e.project()).isEqualTo(fixed.ref()));
        assertThat(fx.fb.projectPricing(fixed.ref().id()).fixedPrice()).as("a cost, not what the owner is charged")
                .isEqualTo(Money.of("50000", "USD"));
        assertThat(fx.fb.calls("updateProjectFixedPrice")).isZero();
    }

    @Test
    void changeOrderNotApprovedYetWritesNothing() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).pending("pending").line("03-300", null, "a", "250").save();

        deliver("Change Order Packages", co.ref().id());

        assertThat(fx.fb.writes()).isZero();
        assertThat(fx.audits(AuditOutcome.SKIPPED_NOT_APPLICABLE)).hasSize(1);
    }

    @Test
    void unmappedCostCodeIsFlaggedThenReplayedOnce() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("09-900", null, "paint", "80").save();

        deliver("Change Order Packages", co.ref().id());

        assertThat(fx.audits(AuditOutcome.FLAGGED_UNMAPPED_COST_CODE)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("09-900"));
        assertThat(fx.fb.writes()).isZero();
        assertThat(fx.mappings.unmapped(EngineFixture.CONNECTION)).extracting(u -> u.kind() + " " + u.sourceId())
                .containsExactly("COST_CODE_CATEGORY 09-900");
        assertThat(fx.items(WorkStatus.PARKED)).isEqualTo(1);

        fx.map(MappingKind.COST_CODE_CATEGORY, "09-900", steelCategory.ref().id());
        engine.replay(EngineFixture.CONNECTION, key(co));
        engine.drain();
        engine.replayAll(EngineFixture.CONNECTION);
        engine.drain();

        assertThat(fx.fb.expenses()).singleElement().satisfies(e -> assertThat(e.amount().amount())
                .isEqualByComparingTo("80"));
        assertBudgetUntouched();
    }

    @Test
    void projectWithoutAFreshBooksMappingIsFlagged() {
        var other = fx.pc.addProject("Annex");
        ChangeOrder co = fx.pc.changeOrder(other).line("03-300", null, "a", "80").save();
        engine.onProcoreWebhook(fx.procoreWebhook("U-9", "Change Order Packages", co.ref().id(), other.projectId(),
                null));
        engine.drain();

        assertThat(fx.audits(AuditOutcome.FLAGGED_UNMAPPED_PROJECT)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains(String.valueOf(other.projectId())));
        assertThat(fx.fb.writes()).isZero();
    }

    @Test
    void ourOwnDirectCostIsNotEchoedBackAsAnExpense() {
        GlAccount bills = fx.fb.addGlAccount("Materials", "5000");
        fx.mapGl(bills.ref().id(), "03-300", null);
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(bills.ref().id(), "x", "55").save();
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.drain();
        String directCostId = fx.pc.posted(TargetKind.DIRECT_COST).get(0).id();

        // a v4-style delivery has no metadata: recognised by the origin id / ledger instead
        deliver("Direct Costs", directCostId);
        // and a poll of the direct cost stream skips it without even queueing it
        PollResult poll = engine.pollStream(EngineFixture.CONNECTION, io.mlconnector.core.port.SourceStream.DIRECT_COSTS);

        assertThat(fx.audits(AuditOutcome.SKIPPED_ECHO)).hasSize(1);
        assertThat(poll.stream("procore.DIRECT_COSTS:" + fx.tower.projectId()).unchanged()).isEqualTo(1);
        assertThat(fx.fb.expenses()).isEmpty();
        assertThat(fx.fb.writes()).isZero();
    }

    @Test
    void ourDirectCostEditedInProcoreIsRecognisedByTheLedgerEvenWithoutSourceApplicationOrOrigin() {
        GlAccount bills = fx.fb.addGlAccount("Materials", "5000");
        fx.mapGl(bills.ref().id(), "03-300", null);
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(bills.ref().id(), "x", "55").save();
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.drain();
        String directCostId = fx.pc.posted(TargetKind.DIRECT_COST).get(0).id();
        fx.pc.updateCostUpdate(CostUpdateKind.DIRECT_COST, directCostId, c -> new CostUpdate(c.ref(), c.project(),
                c.kind(), c.description(), c.status(), false, c.date(), c.lines(), c.total(), c.version(), null, null));

        deliver("Direct Costs", directCostId);

        assertThat(fx.audits(AuditOutcome.SKIPPED_ECHO)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("posted by this connector for " + bill.ref().key()));
        assertThat(fx.fb.writes()).isZero();
    }

    @Test
    void directCostCarryingOurOriginIdIsRecognisedAsEcho() {
        CostUpdate dc = fx.pc.costUpdate(fx.tower, CostUpdateKind.DIRECT_COST).originId("fb:ACC1:bill:4242")
                .line("05-100", null, "x", "12").save();

        deliver("Direct Costs", dc.ref().id());

        assertThat(fx.audits(AuditOutcome.SKIPPED_ECHO)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("origin id fb:ACC1:bill:4242"));
        assertThat(fx.fb.writes()).isZero();
    }

    @Test
    void directCostCarryingOurOriginIdIsNotPolledAgain_onceRecognisedAsEcho() {
        // e.g. a node died after recording the bill as posted but before recording the direct cost as its own
        CostUpdate dc = fx.pc.costUpdate(fx.tower, CostUpdateKind.DIRECT_COST).originId("fb:ACC1:bill:4343")
                .line("05-100", null, "x", "12").save();
        String cursor = "procore.DIRECT_COSTS:" + fx.tower.projectId();

        assertThat(engine.pollOnce(EngineFixture.CONNECTION).stream(cursor).enqueued()).isEqualTo(1);
        engine.drain();
        fx.clock.advance(Duration.ofHours(1));
        PollResult again = engine.pollOnce(EngineFixture.CONNECTION);
        engine.drain();

        assertThat(again.stream(cursor).seen()).as("still inside the poll overlap").isEqualTo(1);
        assertThat(again.stream(cursor).enqueued()).isZero();
        assertThat(fx.audits(AuditOutcome.SKIPPED_ECHO)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("origin id fb:ACC1:bill:4343"));
        assertThat(fx.fb.writes()).isZero();
    }

    @Test
    void directCostEnteredInProcoreBecomesAnExpenseAndNothingElse() {
        CostUpdate dc = fx.pc.costUpdate(fx.tower, CostUpdateKind.DIRECT_COST).description("Crane hire")
                .line("05-100", null, "crane", "900").save();

        deliver("Direct Costs", dc.ref().id());

        assertThat(fx.fb.expenses()).singleElement().satisfies(e -> {
            assertThat(e.amount().amount()).isEqualByComparingTo("900");
            assertThat(e.category()).isEqualTo(steelCategory.ref());
            assertThat(e.notes()).contains("Crane hire");
        });
        assertThat(fx.fb.writes()).isEqualTo(1);
        assertBudgetUntouched();
    }

    @Test
    void budgetChangeWritesNothingAndIsAuditedAsSkipped() {
        CostUpdate bc = fx.pc.costUpdate(fx.tower, CostUpdateKind.BUDGET_CHANGE).description("Scope add")
                .line("03-300", null, "scope", "5000").save();
        fx.fb.resetCalls();

        deliver("Budget Changes", bc.ref().id());

        assertThat(fx.fb.expenses()).isEmpty();
        assertThat(fx.fb.reads() + fx.fb.writes()).as("FreshBooks is not even read").isZero();
        assertThat(fx.pc.calls("fetchCostUpdate")).isZero();
        assertBudgetUntouched();
        assertThat(fx.audits(AuditOutcome.SKIPPED_NOT_APPLICABLE)).singleElement().satisfies(e -> {
            assertThat(e.sourceRef()).isEqualTo("procore:budget_change:" + bc.ref().id());
            assertThat(e.reason()).contains("nothing is written to FreshBooks").contains("hours")
                    .contains("reconciliation");
        });
        assertThat(fx.items(WorkStatus.DONE)).isEqualTo(1);
    }

    @Test
    void budgetChangesAreNotPolled_evenWhenTheStreamIsEnabled() {
        fx.pc.costUpdate(fx.tower, CostUpdateKind.BUDGET_CHANGE).line("03-300", null, "scope", "5000").save();
        SyncEngine explicit = fx.engine(fx.policy().enabledStreams(java.util.Set.of(
                io.mlconnector.core.port.SourceStream.BUDGET_CHANGES)).build(), "node-b", Runnable::run, b -> b);

        PollResult defaults = engine.pollOnce(EngineFixture.CONNECTION);
        PollResult enabled = explicit.pollOnce(EngineFixture.CONNECTION);

        assertThat(defaults.streams()).extracting(PollResult.StreamPoll::cursor)
                .noneMatch(cursor -> cursor.contains("BUDGET_CHANGES"));
        assertThat(enabled.streams()).isEmpty();
        assertThat(SyncPolicy.ALL_STREAMS).doesNotContain(io.mlconnector.core.port.SourceStream.BUDGET_CHANGES)
                .contains(io.mlconnector.core.port.SourceStream.PRIME_CHANGE_ORDERS);
        engine.drain();
        assertBudgetUntouched();
        assertThat(fx.fb.writes()).isZero();
    }

    @Test
    void pollFindsChangeOrdersOfMappedProjectsAndRedriveFindsUndeliveredEvents() {
        ChangeOrder polled = fx.pc.changeOrder(fx.tower).line("03-300", null, "a", "10").save();
        PollResult poll = engine.pollOnce(EngineFixture.CONNECTION);
        assertThat(poll.stream("procore.CHANGE_ORDERS:" + fx.tower.projectId()).enqueued()).isEqualTo(1);
        engine.drain();

        ChangeOrder missed = fx.pc.changeOrder(fx.tower).line("05-100", null, "b", "20").save();
        fx.pc.addUndeliveredEvent(new io.mlconnector.core.port.InboundEvent(String.valueOf(EngineFixture.COMPANY),
                        io.mlconnector.core.model.ExternalRef.of("procore", "resource", missed.ref().id()), "create",
                        "ULID-LOST", String.valueOf(fx.tower.projectId()), false,
                        java.util.Map.of("resource_name", "Change Order Packages")),
                fx.clock.instant());
        assertThat(engine.redriveUndelivered(EngineFixture.CONNECTION, fx.clock.instant().minusSeconds(3600)))
                .isEqualTo(1);
        engine.drain();

        assertThat(fx.fb.expenses()).extracting(ExpenseEntry::amount)
                .containsExactlyInAnyOrder(Money.of("10", "USD"), Money.of("20", "USD"));
        assertThat(polled.ref().id()).isNotEqualTo(missed.ref().id());
    }

    private static ChangeOrder revised(ChangeOrder c, int revision, String amount) {
        List<ChangeOrderLine> lines = List.of(new ChangeOrderLine("03-300", null, "footing", Money.of(amount, "USD")));
        return new ChangeOrder(c.ref(), c.project(), c.contractId(), c.number(), revision, c.title(), "approved", true,
                false, Money.of(amount, "USD"), c.date(), lines, c.version(), c.sourceApplicationId(), c.originId());
    }

}
