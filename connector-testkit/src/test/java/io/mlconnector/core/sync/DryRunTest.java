package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.RequisitionDraft;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.WorkStatus;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dry run: the exact drafts are computed, previewed and audited; nothing is written anywhere. */
class DryRunTest {
    private EngineFixture fx;
    private SyncEngine dry;
    private GlAccount concrete;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        dry = fx.engine(fx.policy().dryRun(true).build());
        concrete = fx.fb.addGlAccount("Concrete", "5100");
        fx.mapGl(concrete.ref().id(), "03-300", "M");
    }

    @Test
    void billIsPreviewedWithTheExactDraftAndNothingIsPosted() {
        Commitment c = fx.pc.commitment(fx.tower, fx.pcVendor.ref().id()).line("03-300", "M", "Concrete", "9000")
                .save();
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "a", "100.005")
                .line(concrete.ref().id(), "b", "0.995").save();

        dry.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        dry.drain();

        assertThat(dry.previews(EngineFixture.CONNECTION)).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo(PreviewAction.CREATE);
            assertThat(p.targetKind()).isEqualTo("REQUISITION");
            assertThat(p.sourceKey()).isEqualTo(bill.ref().key());
            RequisitionDraft d = p.draftAs(RequisitionDraft.class);
            assertThat(d.commitmentId()).isEqualTo(c.id());
            assertThat(d.lines()).singleElement().satisfies(l -> {
                assertThat(l.amount().amount()).isEqualByComparingTo("101.000");
                assertThat(l.commitmentLineId()).isEqualTo(c.lines().get(0).id());
            });
            assertThat(p.mappings()).extracting(ResolvedMapping::kind).contains(MappingKind.VENDOR,
                    MappingKind.VENDOR_PROJECT, MappingKind.GL_ACCOUNT);
        });
        assertThat(fx.pc.writes()).isZero();
        assertThat(fx.pc.calls("findByOrigin")).isZero();
        assertThat(fx.state.ledgerEntries(EngineFixture.CONNECTION)).isEmpty();
        assertThat(fx.audits(AuditOutcome.PREVIEW)).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("action", "CREATE"));
        assertThat(fx.audits(AuditOutcome.POSTED)).isEmpty();
    }

    @Test
    void changeOrderIsPreviewedAsAnExpensePlanAndFreshBooksIsNotTouched() {
        Project fbProject = fx.fb.addProject("Tower (FB)", null, Money.of("1000", "USD"));
        fx.map(MappingKind.PROJECT, fbProject.ref().id(), String.valueOf(fx.tower.projectId()));
        fx.map(MappingKind.COST_CODE_CATEGORY, "03-300", concrete.ref().id());
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "x", "250").save();

        dry.onProcoreWebhook(fx.procoreWebhook("U1", "Change Order Packages", co.ref().id(), fx.tower.projectId(), null));
        dry.drain();

        assertThat(dry.previews(EngineFixture.CONNECTION)).singleElement().satisfies(p -> {
            ExpensePlan plan = p.draftAs(ExpensePlan.class);
            assertThat(plan.expenses()).singleElement().satisfies(e -> {
                assertThat(e.amount()).isEqualTo(Money.of("250", "USD"));
                assertThat(e.category()).isEqualTo(concrete.ref());
            });
        });
        assertThat(fx.fb.writes()).isZero();
        assertThat(fx.fb.project(fbProject.ref().id()).orElseThrow().budget()).isEqualTo(Money.of("1000", "USD"));
    }

    @Test
    void primeChangeOrderIsPreviewedAsAFixedPriceMoveAndFreshBooksIsNotTouched() {
        Project fbProject = fx.fb.addFixedPriceProject("Tower (FB)", null, Money.of("50000", "USD"));
        fx.map(MappingKind.PROJECT, fbProject.ref().id(), String.valueOf(fx.tower.projectId()));
        ChangeOrder pco = fx.pc.primeChangeOrder(fx.tower).number("PCO-1").amount("1500").save();

        dry.onProcoreWebhook(fx.procoreWebhook("U1", "Prime Change Orders", pco.ref().id(), fx.tower.projectId(), null));
        dry.drain();

        assertThat(dry.previews(EngineFixture.CONNECTION)).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo(PreviewAction.CREATE);
            FixedPriceMove move = p.draftAs(FixedPriceMove.class);
            assertThat(move.project()).isEqualTo(fbProject.ref());
            assertThat(move.before()).isEqualTo(Money.of("50000", "USD"));
            assertThat(move.delta()).isEqualTo(Money.of("1500", "USD"));
            assertThat(move.after().amount()).isEqualByComparingTo("51500");
        });
        assertThat(fx.fb.writes()).isZero();
        assertThat(fx.fb.projectPricing(fbProject.ref().id()).fixedPrice()).isEqualTo(Money.of("50000", "USD"));
        assertThat(fx.state.ledgerEntries(EngineFixture.CONNECTION)).isEmpty();
    }

    @Test
    void flaggedRecordInDryRunIsReportedButLeavesNoLedgerEntry() {
        GlAccount unmapped = fx.fb.addGlAccount("Misc", "5999");
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(unmapped.ref().id(), "a", "1").save();

        dry.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        dry.drain();

        assertThat(fx.audits(AuditOutcome.FLAGGED_UNMAPPED_GL_ACCOUNT)).hasSize(1);
        assertThat(fx.state.ledgerEntries(EngineFixture.CONNECTION)).isEmpty();
        assertThat(fx.items(WorkStatus.PARKED)).isEqualTo(1);
    }

    @Test
    void goingLiveAfterADryRunPostsWhatWasPreviewedExactlyOnce() {
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "a", "42").save();
        PollResult dryPoll = dry.pollOnce(EngineFixture.CONNECTION);
        assertThat(dryPoll.stream("dryrun:freshbooks.BILLS").enqueued()).isEqualTo(1);
        dry.drain();
        assertThat(fx.state.cursor(EngineFixture.CONNECTION, "freshbooks.BILLS")).as("live cursor untouched").isEmpty();
        dry.close();

        fx.clock.advance(Duration.ofMinutes(10));
        SyncEngine live = fx.engine(fx.policy().build(), "node-live", Runnable::run, b -> b);
        live.pollOnce(EngineFixture.CONNECTION);
        live.drain();

        assertThat(fx.pc.postedWithOrigin(fx.origin("bill", bill.ref().id()))).hasSize(1);
        assertThat(fx.pc.posted(TargetKind.DIRECT_COST).get(0).total().amount()).isEqualByComparingTo("42");
        assertThat(fx.state.ledger(EngineFixture.CONNECTION, bill.ref().key()).orElseThrow().state())
                .isEqualTo(LedgerState.POSTED);
    }
}
