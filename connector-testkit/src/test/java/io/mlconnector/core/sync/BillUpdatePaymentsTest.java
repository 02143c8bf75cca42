package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.internal.flow.WorkType;
import io.mlconnector.testkit.ports.Faults;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A FreshBooks {@code bill.update} posts the bill's new payments at once, through the bill payment flow and its
 * idempotency; the bill payment poll stays the safety net and never posts one twice.
 */
class BillUpdatePaymentsTest {
    private EngineFixture fx;
    private SyncEngine engine;
    private GlAccount concrete;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine();
        concrete = fx.fb.addGlAccount("Concrete", "5100");
        fx.mapGl(concrete.ref().id(), "03-300", "M");
    }

    private void deliver(String event, String id) {
        assertThat(engine.onFreshBooksWebhook(fx.freshBooksWebhook(event, id)).status()).isEqualTo(200);
        engine.drain();
    }

    private SourceDocument postedRequisitionBill() {
        fx.pc.commitment(fx.tower, fx.pcVendor.ref().id()).line("03-300", "M", "Concrete", "9000").save();
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).number("B-1").line(concrete.ref().id(), "x", "800")
                .save();
        deliver("bill.create", bill.ref().id());
        assertThat(fx.pc.posted(TargetKind.REQUISITION)).hasSize(1);
        return bill;
    }

    @Test
    void billUpdatePostsItsNewPaymentAtOnce_andThePollLaterFindsItDone() {
        SourceDocument bill = postedRequisitionBill();
        assertThat(fx.fb.calls("fetchBillPayments")).as("a bill.create does not ask for payments").isZero();
        PaymentRecord pay = fx.fb.addBillPayment(bill.ref().id(), Money.of("300.00", "USD"), LocalDate.of(2024, 5, 20));

        deliver("bill.update", bill.ref().id());

        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).singleElement().satisfies(p -> {
            assertThat(p.total()).isEqualTo(Money.of("300.00", "USD"));
            assertThat(p.originId()).isEqualTo(fx.origin("bill_payment", pay.ref().id()));
            assertThat(fx.pc.contractPaymentDraft(p.id()).invoiceId())
                    .isEqualTo(fx.pc.posted(TargetKind.REQUISITION).get(0).id());
        });
        assertThat(fx.fb.calls("fetchBillPayments")).isEqualTo(1);
        assertThat(fx.state.ledger(EngineFixture.CONNECTION, pay.ref().key()).orElseThrow().state())
                .isEqualTo(LedgerState.POSTED);
        assertThat(fx.audits(pay.ref().key())).extracting(e -> e.outcome()).containsExactly(AuditOutcome.POSTED);

        // the safety net: the bill payment poll and a repeated bill.update find it done
        fx.clock.advance(Duration.ofMinutes(1));
        PollResult poll = engine.pollStream(EngineFixture.CONNECTION, SourceStream.BILL_PAYMENTS);
        engine.drain();
        deliver("bill.update", bill.ref().id());

        assertThat(poll.stream("freshbooks.BILL_PAYMENTS").seen()).isEqualTo(1);
        assertThat(poll.stream("freshbooks.BILL_PAYMENTS").enqueued()).isZero();
        assertThat(fx.pc.calls("createContractPayment")).isEqualTo(1);
        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).hasSize(1);
    }

    @Test
    void thePollMeetsThePaymentQueuedByTheBillUpdate_onTheSameDedupeKey_andItPostsOnce() {
        SourceDocument bill = postedRequisitionBill();
        fx.fb.addBillPayment(bill.ref().id(), Money.of("300.00", "USD"), LocalDate.of(2024, 5, 20));
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.update", bill.ref().id()));

        assertThat(engine.runPending().claimed()).as("only the bill.update is ready").isEqualTo(1);
        assertThat(fx.state.items(EngineFixture.CONNECTION, WorkStatus.READY)).singleElement()
                .satisfies(w -> assertThat(w.type()).isEqualTo(WorkType.ACCOUNTING_BILL_PAYMENT.code()));
        fx.clock.advance(Duration.ofMinutes(1));
        PollResult poll = engine.pollStream(EngineFixture.CONNECTION, SourceStream.BILL_PAYMENTS);
        engine.drain();

        assertThat(poll.stream("freshbooks.BILL_PAYMENTS").seen()).isEqualTo(1);
        assertThat(poll.stream("freshbooks.BILL_PAYMENTS").enqueued()).as("already pending under the same key")
                .isZero();
        assertThat(fx.pc.calls("createContractPayment")).isEqualTo(1);
        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).hasSize(1);
    }

    @Test
    void aPaymentThePollMissesIsStillPostedByTheNextPoll_whenListingPaymentsFails() {
        SourceDocument bill = postedRequisitionBill();
        fx.fb.addBillPayment(bill.ref().id(), Money.of("300.00", "USD"), LocalDate.of(2024, 5, 20));
        fx.fb.failNext("fetchBillPayments", 1, Faults.serverError());

        deliver("bill.update", bill.ref().id());

        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).isEmpty();
        assertThat(fx.audits(AuditOutcome.FAILED_RETRYABLE)).as("the bill itself was handled").isEmpty();
        fx.clock.advance(Duration.ofMinutes(1));
        engine.pollStream(EngineFixture.CONNECTION, SourceStream.BILL_PAYMENTS);
        engine.drain();
        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).hasSize(1);
    }

    @Test
    void deletedPaymentsAndBillsPostedAsDirectCostsQueueNothing() {
        SourceDocument bill = postedRequisitionBill();
        PaymentRecord gone = fx.fb.addBillPayment(bill.ref().id(), Money.of("1", "USD"), LocalDate.of(2024, 5, 20));
        fx.fb.deleteBillPayment(gone.ref().id());
        deliver("bill.update", bill.ref().id());
        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).isEmpty();

        // a vendor without a commitment: the bill becomes a direct cost, which takes no contract payment
        var other = fx.fb.addVendor("No Commitment Co");
        var pcOther = fx.pc.addVendor("No Commitment Co", null);
        fx.map(io.mlconnector.core.mapping.MappingKind.VENDOR, other.ref().id(), pcOther.ref().id());
        fx.map(io.mlconnector.core.mapping.MappingKind.VENDOR_PROJECT, other.ref().id(),
                String.valueOf(fx.tower.projectId()));
        SourceDocument direct = fx.fb.bill(other.ref().id()).line(concrete.ref().id(), "x", "50").save();
        deliver("bill.create", direct.ref().id());
        fx.fb.addBillPayment(direct.ref().id(), Money.of("50", "USD"), LocalDate.of(2024, 5, 20));
        fx.fb.resetCalls();

        deliver("bill.update", direct.ref().id());

        assertThat(fx.pc.posted(TargetKind.DIRECT_COST)).hasSize(1);
        assertThat(fx.fb.calls("fetchBillPayments")).isZero();
        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).isEmpty();
    }
}
