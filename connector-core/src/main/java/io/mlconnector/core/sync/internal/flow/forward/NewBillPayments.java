package io.mlconnector.core.sync.internal.flow.forward;

import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.sync.internal.flow.Enqueuer;
import io.mlconnector.core.sync.internal.flow.FlowContext;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.flow.WorkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a FreshBooks {@code bill.update} was handled, queues the bill's payments that the ledger does not know yet, so
 * a payment recorded on the bill posts at once instead of at the next bill payment poll. Each is queued as the bill
 * payment poll queues it (work type, payload, dedupe key {@code freshbooks:bill_payment:<id>:create}) and goes through
 * {@link PaymentFlow} like any other: the poll later finds it in the ledger and skips it, and a pending item with
 * the same key makes either enqueue a no-op. Only a bill posted as a requisition is asked for its payments (a bill
 * posted as a direct cost takes no contract payment). A failing listing is logged and left to the poll.
 */
public final class NewBillPayments {
    private static final Logger LOG = LoggerFactory.getLogger(NewBillPayments.class);

    private NewBillPayments() {
    }

    /** Returns how many payments were queued. */
    static int enqueue(FlowContext ctx, String billId) {
        LedgerEntry bill = ctx.sourceKey() == null ? null
                : ctx.state().ledger(ctx.connectionId(), ctx.sourceKey()).orElse(null);
        if (bill == null || bill.targetId() == null || bill.kind() != TargetKind.REQUISITION) {
            return 0;
        }
        java.util.List<PaymentRecord> payments;
        try {
            payments = ctx.accounting().fetchBillPayments(billId);
        } catch (ConnectorException e) {
            LOG.warn("payments of bill {} of connection {} not listed; the bill payment poll will find them: {}",
                    billId, ctx.connectionId(), e.toString());
            return 0;
        }
        Enqueuer enqueuer = new Enqueuer(ctx.services());
        WorkType type = WorkType.ACCOUNTING_BILL_PAYMENT;
        int queued = 0;
        for (PaymentRecord p : payments) {
            if (p == null || p.ref() == null || p.deleted()
                    || ctx.state().ledger(ctx.connectionId(), p.ref().key()).isPresent()) {
                continue;
            }
            String id = p.ref().id();
            WorkPayload payload = WorkPayload.builder().put(WorkPayload.ID, id).put(WorkPayload.ACTION, "create")
                    .put(WorkPayload.SOURCE, p.ref().key()).put(WorkPayload.VIA, "bill.update").build();
            if (enqueuer.enqueue(ctx.connection(), type, ctx.accounting().system() + ":" + type.resource() + ":" + id
                    + ":create", payload)) {
                queued++;
            }
        }
        if (queued > 0) {
            LOG.debug("bill {} of connection {}: queued {} new payment(s)", billId, ctx.connectionId(), queued);
        }
        return queued;
    }
}
