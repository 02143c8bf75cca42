package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentApplicationDraft;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.state.WorkStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invoices → payment applications, payments → contract payments against the posted document. */
class InvoiceAndPaymentTest {
    private EngineFixture fx;
    private SyncEngine engine;
    private GlAccount concrete;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine();
        concrete = fx.fb.addGlAccount("Concrete", "5100");
        fx.mapGl(concrete.ref().id(), "03-300", "M");
        fx.map(MappingKind.CLIENT_PROJECT, "C-9", String.valueOf(fx.tower.projectId()));
    }

    private void deliver(String event, String id) {
        assertThat(engine.onFreshBooksWebhook(fx.freshBooksWebhook(event, id)).status()).isEqualTo(200);
        engine.drain();
    }

    @Test
    void invoiceBecomesPaymentApplicationByItemElseProjectDefaultCostCode() {
        fx.mappings.put(new Mapping(EngineFixture.CONNECTION, MappingKind.ITEM, "ITEM-1", "01-100",
                Map.of("costType", "O"), MappingStatus.CONFIRMED, null, null));
        fx.map(MappingKind.PROJECT_DEFAULT_COST_CODE, String.valueOf(fx.tower.projectId()), "01-000");
        SourceDocument invoice = fx.fb.invoice("C-9").number("INV-5").issued(LocalDate.of(2024, 4, 30))
                .itemLine("ITEM-1", "progress", "5000.125").itemLine(null, "extras", "10.005")
                .itemLine("ITEM-1", "more progress", "0.87").save();

        deliver("invoice.create", invoice.ref().id());

        assertThat(fx.pc.posted(TargetKind.PAYMENT_APPLICATION)).singleElement().satisfies(p -> {
            PaymentApplicationDraft d = fx.pc.paymentApplicationDraft(p.id());
            assertThat(d.originId()).isEqualTo(fx.origin("invoice", invoice.ref().id()));
            assertThat(d.invoiceNumber()).isEqualTo("INV-5");
            assertThat(d.periodStart()).isEqualTo(LocalDate.of(2024, 4, 1));
            assertThat(d.periodEnd()).isEqualTo(LocalDate.of(2024, 4, 30));
            assertThat(d.lines()).extracting(AllocatedLine::costCode).containsExactly("01-100", "01-000");
            assertThat(d.lines().get(0).amount().amount()).isEqualByComparingTo("5000.995");
            assertThat(d.lines().get(0).costType()).isEqualTo("O");
            assertThat(d.lines().get(1).amount().amount()).isEqualByComparingTo("10.005");
            assertThat(d.total().amount()).isEqualByComparingTo("5011.000");
        });
    }

    @Test
    void invoiceLineWithoutItemMappingOrProjectDefaultIsFlagged() {
        SourceDocument invoice = fx.fb.invoice("C-9").itemLine("ITEM-X", "unknown item", "10").save();

        deliver("invoice.create", invoice.ref().id());

        assertThat(fx.audits(AuditOutcome.FLAGGED_UNMAPPED_COST_CODE)).singleElement().satisfies(e -> {
            assertThat(e.reason()).contains("ITEM-X").contains("PROJECT_DEFAULT_COST_CODE " + fx.tower.projectId());
            assertThat(e.sourceRef()).isEqualTo(invoice.ref().key());
        });
        assertThat(fx.pc.writes()).isZero();
        assertThat(fx.mappings.unmapped(EngineFixture.CONNECTION)).extracting(u -> u.kind() + " " + u.sourceId())
                .containsExactly("ITEM ITEM-X");
    }

    @Test
    void invoiceForAClientWithoutProjectMappingIsFlagged() {
        SourceDocument invoice = fx.fb.invoice("C-404").itemLine(null, "x", "10").save();

        deliver("invoice.create", invoice.ref().id());

        assertThat(fx.audits(AuditOutcome.FLAGGED_UNMAPPED_PROJECT)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("C-404").contains("CLIENT_PROJECT"));
        assertThat(fx.pc.writes()).isZero();
    }

    @Test
    void billPaymentBecomesContractPaymentOnTheCommitmentWithTheRequisition() {
        Commitment c = fx.pc.commitment(fx.tower, fx.pcVendor.ref().id()).line("03-300", "M", "Concrete", "9000")
                .save();
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).number("B-1").line(concrete.ref().id(), "x", "800")
                .save();
        deliver("bill.create", bill.ref().id());
        String requisitionId = fx.pc.posted(TargetKind.REQUISITION).get(0).id();
        PaymentRecord pay = fx.fb.addBillPayment(bill.ref().id(), Money.of("800.00", "USD"), LocalDate.of(2024, 5, 20));

        assertThat(engine.pollOnce(EngineFixture.CONNECTION).stream("freshbooks.BILL_PAYMENTS").enqueued()).isEqualTo(1);
        engine.drain();

        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).singleElement().satisfies(p -> {
            ContractPaymentDraft d = fx.pc.contractPaymentDraft(p.id());
            assertThat(d.contractId()).isEqualTo(c.id());
            assertThat(d.invoiceId()).isEqualTo(requisitionId);
            assertThat(d.invoiceNumber()).isEqualTo("B-1");
            assertThat(d.amount()).isEqualTo(Money.of("800.00", "USD"));
            assertThat(d.originId()).isEqualTo(fx.origin("bill_payment", pay.ref().id()));
        });
    }

    @Test
    void paymentBeforeItsBillIsPostedWaitsAndIsNotFlagged() {
        fx.pc.commitment(fx.tower, fx.pcVendor.ref().id()).line("03-300", "M", "Concrete", "9000").save();
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "x", "800").save();
        fx.fb.addBillPayment(bill.ref().id(), Money.of("800", "USD"), LocalDate.of(2024, 5, 20));
        engine.pollStream(EngineFixture.CONNECTION, io.mlconnector.core.port.SourceStream.BILL_PAYMENTS);

        engine.drain();
        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).isEmpty();
        assertThat(fx.audits(AuditOutcome.FAILED_RETRYABLE)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("waits for " + bill.ref().key()));
        assertThat(fx.audit.all()).noneMatch(e -> e.outcome().isFlag());

        deliver("bill.create", bill.ref().id());
        fx.clock.advance(Duration.ofSeconds(1));
        engine.drain();

        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).hasSize(1);
    }

    @Test
    void paymentOfAFlaggedBillIsParkedAndReplayedWithIt() {
        GlAccount unmapped = fx.fb.addGlAccount("Misc", "5999");
        fx.pc.commitment(fx.tower, fx.pcVendor.ref().id()).line("03-300", "M", "Concrete", "9000").save();
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(unmapped.ref().id(), "x", "800").save();
        deliver("bill.create", bill.ref().id());
        fx.fb.addBillPayment(bill.ref().id(), Money.of("800", "USD"), LocalDate.of(2024, 5, 20));
        engine.pollStream(EngineFixture.CONNECTION, io.mlconnector.core.port.SourceStream.BILL_PAYMENTS);
        engine.drain();
        assertThat(fx.items(WorkStatus.PARKED)).isEqualTo(2);

        fx.mapGl(unmapped.ref().id(), "03-300", "M");
        assertThat(engine.replay(EngineFixture.CONNECTION, bill.ref().key())).isEqualTo(2);
        engine.drain();
        fx.clock.advance(Duration.ofSeconds(1));
        engine.drain();

        assertThat(fx.pc.posted(TargetKind.REQUISITION)).hasSize(1);
        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).hasSize(1);
        assertThat(fx.items(WorkStatus.PARKED)).isZero();
    }

    @Test
    void paymentParkedForAFlaggedBillRecordsTheBillItWaitsForAsData() {
        GlAccount unmapped = fx.fb.addGlAccount("Misc", "5999");
        fx.pc.commitment(fx.tower, fx.pcVendor.ref().id()).line("03-300", "M", "Concrete", "9000").save();
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(unmapped.ref().id(), "x", "800").save();
        deliver("bill.create", bill.ref().id());
        fx.fb.addBillPayment(bill.ref().id(), Money.of("800", "USD"), LocalDate.of(2024, 5, 20));
        engine.pollStream(EngineFixture.CONNECTION, io.mlconnector.core.port.SourceStream.BILL_PAYMENTS);
        engine.drain();

        // the flagged bill waits for a mapping, not for another record; its payment waits for the bill
        assertThat(fx.state.items(EngineFixture.CONNECTION, WorkStatus.PARKED))
                .extracting(io.mlconnector.core.state.WorkItem::waitingFor)
                .containsExactlyInAnyOrder(null, bill.ref().key());
    }

    @Test
    void paymentOfABillPostedAsDirectCostIsNotApplicable() {
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "x", "800").save();
        deliver("bill.create", bill.ref().id());
        fx.fb.addBillPayment(bill.ref().id(), Money.of("800", "USD"), LocalDate.of(2024, 5, 20));

        engine.pollStream(EngineFixture.CONNECTION, io.mlconnector.core.port.SourceStream.BILL_PAYMENTS);
        engine.drain();

        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).isEmpty();
        assertThat(fx.audits(AuditOutcome.SKIPPED_NOT_APPLICABLE)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("direct cost"));
    }

    @Test
    void paymentInAnotherCurrencyThanItsDocumentIsFlagged() {
        fx.pc.commitment(fx.tower, fx.pcVendor.ref().id()).line("03-300", "M", "Concrete", "9000").save();
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "x", "800").save();
        deliver("bill.create", bill.ref().id());
        fx.fb.addBillPayment(bill.ref().id(), Money.of("800", "EUR"), LocalDate.of(2024, 5, 20));

        engine.pollStream(EngineFixture.CONNECTION, io.mlconnector.core.port.SourceStream.BILL_PAYMENTS);
        engine.drain();

        assertThat(fx.audits(AuditOutcome.FLAGGED_CURRENCY_MISMATCH)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("EUR").contains("USD"));
        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).isEmpty();
    }
}
