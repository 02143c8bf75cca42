package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.UnmappedReference;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.DocumentLine;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.RequisitionDraft;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.WorkStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FreshBooks bill → Procore requisition or direct cost: allocation, every flag reason, update, replay. */
class BillToProcoreTest {
    private EngineFixture fx;
    private SyncEngine engine;
    private GlAccount concrete;
    private GlAccount labour;
    private GlAccount rebar;
    private Commitment commitment;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine();
        concrete = fx.fb.addGlAccount("Concrete materials", "5100");
        labour = fx.fb.addGlAccount("Labour", "5200");
        rebar = fx.fb.addGlAccount("Rebar", "5300");
        fx.mapGl(concrete.ref().id(), "03-300", "M");
        fx.mapGl(labour.ref().id(), "05-100", "L");
        fx.mapGl(rebar.ref().id(), "03-300", "M");
    }

    private Commitment commitmentWithTwoLines() {
        return fx.pc.commitment(fx.tower, fx.pcVendor.ref().id()).number("SC-7")
                .line("03-300", "M", "Concrete", "50000").line("05-100", "L", "Labour", "20000").save();
    }

    private SourceDocument threeLineBill() {
        return fx.fb.bill(fx.fbVendor.ref().id()).number("B-100").issued(LocalDate.of(2024, 5, 10))
                .line(concrete.ref().id(), "pour", "1000.005")
                .line(labour.ref().id(), "crew", "250.10")
                .line(rebar.ref().id(), "bars", "0.0049")
                .save();
    }

    private SyncEngine deliver(String event, String id) {
        assertThat(engine.onFreshBooksWebhook(fx.freshBooksWebhook(event, id)).status()).isEqualTo(200);
        engine.drain();
        return engine;
    }

    @Test
    void billWithCommitmentBecomesOneRequisitionWithExactAmountsPerCostCode() {
        commitment = commitmentWithTwoLines();
        SourceDocument bill = threeLineBill();

        deliver("bill.create", bill.ref().id());

        List<PostedObject> reqs = fx.pc.posted(TargetKind.REQUISITION);
        assertThat(reqs).hasSize(1);
        RequisitionDraft draft = fx.pc.requisitionDraft(reqs.get(0).id());
        assertThat(draft.commitmentId()).isEqualTo(commitment.id());
        assertThat(draft.originId()).isEqualTo(fx.origin("bill", bill.ref().id()));
        assertThat(draft.invoiceNumber()).isEqualTo("B-100");
        assertThat(draft.periodStart()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(draft.periodEnd()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(draft.lines()).hasSize(2);
        AllocatedLine concreteLine = draft.lines().get(0);
        assertThat(concreteLine.costCode()).isEqualTo("03-300");
        assertThat(concreteLine.costType()).isEqualTo("M");
        assertThat(concreteLine.commitmentLineId()).isEqualTo(commitment.lines().get(0).id());
        // 1000.005 + 0.0049 summed exactly: no rounding to cents
        assertThat(concreteLine.amount().amount()).isEqualByComparingTo(new BigDecimal("1000.0099"));
        assertThat(concreteLine.amount().amount().scale()).isEqualTo(4);
        AllocatedLine labourLine = draft.lines().get(1);
        assertThat(labourLine.costCode()).isEqualTo("05-100");
        assertThat(labourLine.commitmentLineId()).isEqualTo(commitment.lines().get(1).id());
        assertThat(labourLine.amount().amount()).isEqualByComparingTo("250.10");
        assertThat(draft.total().amount()).isEqualByComparingTo("1250.1099");
        assertThat(draft.total().sameValueAs(bill.total())).isTrue();

        LedgerEntry entry = fx.state.ledger(EngineFixture.CONNECTION, bill.ref().key()).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.POSTED);
        assertThat(entry.targetId()).isEqualTo(reqs.get(0).id());
        assertThat(entry.targetKind()).isEqualTo("REQUISITION");
        assertThat(entry.sourceVersion()).isEqualTo(bill.version());
        assertThat(fx.audits(AuditOutcome.POSTED)).singleElement()
                .satisfies(e -> assertThat(e.sourceRef()).isEqualTo(bill.ref().key()));
        // steady state: one accounting read, no origin lookup, one project write
        assertThat(fx.fb.calls("fetchBill")).isEqualTo(1);
        assertThat(fx.pc.calls("findByOrigin")).isZero();
        assertThat(fx.pc.writes()).isEqualTo(1);
        assertThat(fx.items(WorkStatus.DONE)).isEqualTo(1);
    }

    @Test
    void billWithoutCommitmentBecomesDirectCostByCostCodeAndType() {
        SourceDocument bill = threeLineBill();

        deliver("bill.create", bill.ref().id());

        assertThat(fx.pc.posted(TargetKind.REQUISITION)).isEmpty();
        List<PostedObject> costs = fx.pc.posted(TargetKind.DIRECT_COST);
        assertThat(costs).hasSize(1);
        DirectCostDraft draft = fx.pc.directCostDraft(costs.get(0).id());
        assertThat(draft.vendorId()).isEqualTo(fx.pcVendor.ref().id());
        assertThat(draft.lines()).extracting(AllocatedLine::costCode, AllocatedLine::costType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("03-300", "M"),
                        org.assertj.core.groups.Tuple.tuple("05-100", "L"));
        assertThat(draft.lines().get(0).amount().amount()).isEqualByComparingTo("1000.0099");
        assertThat(draft.total().amount()).isEqualByComparingTo("1250.1099");
        assertThat(fx.pc.postedWithOrigin(fx.origin("bill", bill.ref().id()))).hasSize(1);
    }

    @Test
    void billWithoutNumberIsPostedWithTheFreshBooksIdAsInvoiceNumber() {
        SourceDocument seeded = fx.fb.bill(fx.fbVendor.ref().id()).issued(LocalDate.of(2024, 5, 10))
                .line(concrete.ref().id(), "pour", "10.00").save();
        SourceDocument bill = fx.fb.updateBill(seeded.ref().id(), b -> new SourceDocument(b.ref(), b.kind(), null,
                b.counterparty(), b.project(), b.issueDate(), b.dueDate(), b.currency(), b.lines(), b.total(),
                b.version(), b.deleted()));

        deliver("bill.create", bill.ref().id());

        List<PostedObject> costs = fx.pc.posted(TargetKind.DIRECT_COST);
        assertThat(costs).hasSize(1);
        assertThat(fx.pc.directCostDraft(costs.get(0).id()).invoiceNumber()).isEqualTo("FB-" + bill.ref().id());
    }

    @Test
    void unmappedVendorIsFlaggedNothingPostedAndRecorded() {
        Vendor stranger = fx.fb.addVendor("Stranger Supply");
        fx.map(MappingKind.VENDOR_PROJECT, stranger.ref().id(), String.valueOf(fx.tower.projectId()));
        SourceDocument bill = fx.fb.bill(stranger.ref().id()).line(concrete.ref().id(), "x", "10").save();

        deliver("bill.create", bill.ref().id());

        assertFlagged(bill, AuditOutcome.FLAGGED_UNMAPPED_VENDOR, stranger.ref().id());
        assertThat(fx.mappings.unmapped(EngineFixture.CONNECTION)).extracting(UnmappedReference::kind,
                UnmappedReference::sourceId).contains(org.assertj.core.groups.Tuple.tuple(MappingKind.VENDOR,
                stranger.ref().id()));
    }

    @Test
    void namedProjectWithoutMappingIsFlagged() {
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).project("P-77").line(concrete.ref().id(), "x", "10")
                .save();

        deliver("bill.create", bill.ref().id());

        assertFlagged(bill, AuditOutcome.FLAGGED_UNMAPPED_PROJECT, "P-77");
        assertThat(fx.mappings.unmapped(EngineFixture.CONNECTION)).extracting(UnmappedReference::kind,
                UnmappedReference::sourceId).contains(org.assertj.core.groups.Tuple.tuple(MappingKind.PROJECT, "P-77"));
    }

    @Test
    void billNamingNoProjectFromVendorWithoutProjectMappingIsFlagged() {
        Vendor other = fx.fb.addVendor("Other");
        fx.map(MappingKind.VENDOR, other.ref().id(), fx.pcVendor.ref().id());
        SourceDocument bill = fx.fb.bill(other.ref().id()).line(concrete.ref().id(), "x", "10").save();

        deliver("bill.create", bill.ref().id());

        AuditEvent flag = assertFlagged(bill, AuditOutcome.FLAGGED_UNMAPPED_PROJECT, other.ref().id());
        assertThat(flag.reason()).contains("VENDOR_PROJECT");
    }

    @Test
    void unmappedGlAccountIsFlaggedNamingTheAccountAndLine() {
        GlAccount unmapped = fx.fb.addGlAccount("Misc", "5999");
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "ok", "10")
                .line(unmapped.ref().id(), "misc", "5").save();

        deliver("bill.create", bill.ref().id());

        AuditEvent flag = assertFlagged(bill, AuditOutcome.FLAGGED_UNMAPPED_GL_ACCOUNT, unmapped.ref().id());
        assertThat(flag.reason()).contains("line 2");
        assertThat(fx.mappings.unmapped(EngineFixture.CONNECTION)).extracting(UnmappedReference::kind,
                UnmappedReference::sourceId).containsExactly(org.assertj.core.groups.Tuple.tuple(MappingKind.GL_ACCOUNT,
                unmapped.ref().id()));
    }

    @Test
    void projectOfAnotherCompanyIsFlaggedAsInvalidCompany() {
        ProjectRef foreign = fx.pc.addProject(99, "Elsewhere", null, null);
        fx.map(MappingKind.PROJECT, "P-1", String.valueOf(foreign.projectId()));
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).project("P-1").line(concrete.ref().id(), "x", "10")
                .save();

        deliver("bill.create", bill.ref().id());

        AuditEvent flag = assertFlagged(bill, AuditOutcome.FLAGGED_INVALID_COMPANY, "P-1");
        assertThat(flag.reason()).contains(String.valueOf(foreign.projectId()));
    }

    @Test
    void projectMappingThatIsNotAProcoreIdIsFlaggedAsInvalidCompany() {
        fx.map(MappingKind.PROJECT, "P-2", "tower-by-name");
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).project("P-2").line(concrete.ref().id(), "x", "10")
                .save();

        deliver("bill.create", bill.ref().id());

        assertFlagged(bill, AuditOutcome.FLAGGED_INVALID_COMPANY, "tower-by-name");
    }

    @Test
    void currencyMismatchWithTheCommitmentIsFlaggedNeverConverted() {
        commitment = commitmentWithTwoLines();
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).currency("CAD").line(concrete.ref().id(), "x", "10")
                .save();

        deliver("bill.create", bill.ref().id());

        AuditEvent flag = assertFlagged(bill, AuditOutcome.FLAGGED_CURRENCY_MISMATCH, "CAD");
        assertThat(flag.reason()).contains("USD").contains("never converted");
    }

    @Test
    void lineInAnotherCurrencyThanTheBillIsFlagged() {
        List<DocumentLine> lines = new ArrayList<>();
        lines.add(new DocumentLine(1, "x", gl(concrete), null, null, BigDecimal.ONE, Money.of("10", "USD")));
        lines.add(new DocumentLine(2, "y", gl(labour), null, null, BigDecimal.ONE, Money.of("5", "EUR")));
        SourceDocument bill = fx.fb.putBill(new SourceDocument(null, io.mlconnector.core.model.DocumentKind.BILL, "B-9",
                fx.fbVendor.ref(), null, LocalDate.of(2024, 5, 1), null, "USD", lines, Money.of("15", "USD"), null,
                false));

        deliver("bill.create", bill.ref().id());

        assertFlagged(bill, AuditOutcome.FLAGGED_CURRENCY_MISMATCH, "EUR");
    }

    @Test
    void directCostInAnotherCurrencyThanTheProjectIsFlagged() {
        SyncEngine usdEngine = SyncEngine.builder().stateStore(fx.state)
                .mappingStore(fx.mappings).auditSink(fx.audit).clock(fx.clock).nodeId("node-usd")
                .freshBooksWebhookParser(TestWebhookParsers.freshBooks())
                .connection(Connection.builder().id(EngineFixture.CONNECTION).accounting(fx.fb).projects(fx.pc)
                        .accountingVerifier(r -> { }).projectVerifier(r -> { }).projectCurrency("usd")
                        .policy(fx.policy().build()).build()).build();
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).currency("GBP").line(concrete.ref().id(), "x", "10")
                .save();
        usdEngine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        usdEngine.drain();

        assertFlagged(bill, AuditOutcome.FLAGGED_CURRENCY_MISMATCH, "GBP");
    }

    @Test
    void costCodeMissingFromTheCommitmentIsFlaggedNamingTheCostCode() {
        fx.pc.commitment(fx.tower, fx.pcVendor.ref().id()).line("03-300", "M", "Concrete", "50000").save();
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "x", "10")
                .line(labour.ref().id(), "y", "20").save();

        deliver("bill.create", bill.ref().id());

        AuditEvent flag = assertFlagged(bill, AuditOutcome.FLAGGED_NO_COMMITMENT_LINE, "05-100");
        assertThat(flag.reason()).contains(labour.ref().id());
        // the GL account mapping is what a person fixes (the store keeps confirmed mappings off its unmapped list)
        assertThat(flag.details()).containsEntry("mappingKind", "GL_ACCOUNT").containsEntry("unmappedId",
                labour.ref().id());
    }

    @Test
    void replayAfterTheMappingIsFixedPostsExactlyOnce() {
        GlAccount unmapped = fx.fb.addGlAccount("Formwork", "5400");
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(unmapped.ref().id(), "forms", "300.333").save();
        deliver("bill.create", bill.ref().id());
        assertThat(fx.pc.writes()).isZero();
        assertThat(fx.items(WorkStatus.PARKED)).isEqualTo(1);

        fx.mapGl(unmapped.ref().id(), "03-100", null);
        assertThat(engine.replay(EngineFixture.CONNECTION, bill.ref().key())).isEqualTo(1);
        engine.drain();
        assertThat(engine.replay(EngineFixture.CONNECTION, bill.ref().key())).isZero();
        assertThat(engine.replayAll(EngineFixture.CONNECTION)).isZero();
        engine.drain();
        // a late duplicate webhook after the replay changes nothing
        deliver("bill.create", bill.ref().id());

        assertThat(fx.pc.postedWithOrigin(fx.origin("bill", bill.ref().id()))).hasSize(1);
        DirectCostDraft draft = fx.pc.directCostDraft(fx.pc.posted(TargetKind.DIRECT_COST).get(0).id());
        assertThat(draft.total().amount()).isEqualByComparingTo("300.333");
        assertThat(fx.state.ledger(EngineFixture.CONNECTION, bill.ref().key()).orElseThrow().state())
                .isEqualTo(LedgerState.POSTED);
        assertThat(fx.items(WorkStatus.PARKED)).isZero();
        assertThat(fx.audits(AuditOutcome.POSTED)).hasSize(1);
        assertThat(fx.audits(AuditOutcome.SKIPPED_DUPLICATE)).hasSize(1);
    }

    @Test
    void changedBillUpdatesTheSameRequisition() {
        commitment = commitmentWithTwoLines();
        SourceDocument bill = threeLineBill();
        deliver("bill.create", bill.ref().id());
        String reqId = fx.pc.posted(TargetKind.REQUISITION).get(0).id();

        fx.fb.updateBill(bill.ref().id(), b -> withLines(b, List.of(
                new DocumentLine(1, "pour", gl(concrete), null, null, BigDecimal.ONE, Money.of("1200.00", "USD")))));
        deliver("bill.update", bill.ref().id());

        assertThat(fx.pc.posted(TargetKind.REQUISITION)).hasSize(1);
        RequisitionDraft draft = fx.pc.requisitionDraft(reqId);
        assertThat(draft.lines()).singleElement().satisfies(l -> {
            assertThat(l.costCode()).isEqualTo("03-300");
            assertThat(l.amount().amount()).isEqualByComparingTo("1200.00");
        });
        assertThat(fx.pc.calls("createRequisition")).isEqualTo(1);
        assertThat(fx.pc.calls("updateRequisition")).isEqualTo(1);
        assertThat(fx.audits(AuditOutcome.UPDATED)).hasSize(1);
        assertThat(fx.state.ledger(EngineFixture.CONNECTION, bill.ref().key()).orElseThrow().targetId())
                .isEqualTo(reqId);
    }

    @Test
    void sameVersionDeliveredAgainIsSkippedWithoutAnyWrite() {
        SourceDocument bill = threeLineBill();
        deliver("bill.create", bill.ref().id());
        int writes = fx.pc.writes();

        deliver("bill.update", bill.ref().id());

        assertThat(fx.pc.writes()).isEqualTo(writes);
        assertThat(fx.audits(AuditOutcome.SKIPPED_DUPLICATE)).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("already posted"));
    }

    @Test
    void changeOfALockedRequisitionIsFlaggedEditNotAllowed() {
        commitment = commitmentWithTwoLines();
        SourceDocument bill = threeLineBill();
        deliver("bill.create", bill.ref().id());
        String reqId = fx.pc.posted(TargetKind.REQUISITION).get(0).id();
        fx.pc.lock(TargetKind.REQUISITION, reqId);

        fx.fb.updateBill(bill.ref().id(), b -> withLines(b, List.of(
                new DocumentLine(1, "pour", gl(concrete), null, null, BigDecimal.ONE, Money.of("999", "USD")))));
        deliver("bill.update", bill.ref().id());

        assertThat(fx.audits(AuditOutcome.FLAGGED_EDIT_NOT_ALLOWED)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains(bill.ref().key()));
        assertThat(fx.pc.requisitionDraft(reqId).total().amount()).isEqualByComparingTo("1250.1099");
        LedgerEntry entry = fx.state.ledger(EngineFixture.CONNECTION, bill.ref().key()).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.FLAGGED);
        assertThat(entry.targetId()).as("the posted target is kept").isEqualTo(reqId);
        assertThat(fx.items(WorkStatus.PARKED)).isEqualTo(1);

        // unlocked in Procore: the replay updates the same requisition
        fx.pc.unlock(TargetKind.REQUISITION, reqId);
        engine.replay(EngineFixture.CONNECTION, bill.ref().key());
        engine.drain();
        assertThat(fx.pc.posted(TargetKind.REQUISITION)).hasSize(1);
        assertThat(fx.pc.requisitionDraft(reqId).total().amount()).isEqualByComparingTo("999");
    }

    @Test
    void deletedBillThatWasPostedIsFlaggedAndNothingIsDeleted() {
        SourceDocument bill = threeLineBill();
        deliver("bill.create", bill.ref().id());
        fx.fb.deleteBill(bill.ref().id());

        deliver("bill.delete", bill.ref().id());

        assertThat(fx.audits(AuditOutcome.FLAGGED_EDIT_NOT_ALLOWED)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("deleted"));
        assertThat(fx.pc.posted(TargetKind.DIRECT_COST)).hasSize(1);
    }

    private AuditEvent assertFlagged(SourceDocument bill, AuditOutcome outcome, String named) {
        List<AuditEvent> flags = fx.audits(outcome);
        assertThat(flags).as("audit %s", outcome).isNotEmpty();
        AuditEvent flag = flags.get(0);
        assertThat(flag.sourceRef()).isEqualTo(bill.ref().key());
        assertThat(flag.reason()).contains(named);
        assertThat(fx.pc.writes()).as("nothing posted").isZero();
        LedgerEntry entry = fx.state.ledger(EngineFixture.CONNECTION, bill.ref().key()).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.FLAGGED);
        assertThat(entry.targetId()).isNull();
        assertThat(fx.items(WorkStatus.PARKED)).isEqualTo(1);
        assertThat(fx.state.items(EngineFixture.CONNECTION, WorkStatus.PARKED).get(0).lastError()).contains(named);
        return flag;
    }

    private static io.mlconnector.core.model.ExternalRef gl(GlAccount a) {
        return a.ref();
    }

    private static SourceDocument withLines(SourceDocument b, List<DocumentLine> lines) {
        return new SourceDocument(b.ref(), b.kind(), b.number(), b.counterparty(), b.project(), b.issueDate(),
                b.dueDate(), b.currency(), lines, null, b.version(), b.deleted());
    }
}
