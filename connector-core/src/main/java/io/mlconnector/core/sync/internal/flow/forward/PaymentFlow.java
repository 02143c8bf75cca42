package io.mlconnector.core.sync.internal.flow.forward;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.sync.internal.flow.Flag;
import io.mlconnector.core.sync.internal.flow.Flow;
import io.mlconnector.core.sync.internal.flow.FlowContext;
import io.mlconnector.core.sync.internal.flow.OriginIds;
import io.mlconnector.core.sync.internal.flow.ProjectPosting;
import io.mlconnector.core.sync.internal.flow.SourceGone;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.plan.Fingerprint;
import java.util.Map;

/**
 * A FreshBooks bill payment or invoice payment becomes a Procore contract payment against the document it pays, as
 * the ledger recorded it: a bill posted as a requisition → payment on that commitment with the requisition id; an
 * invoice posted as a payment application → payment with that payment application id (the port resolves the prime
 * contract from it, so the draft's contract id is null). A bill posted as a direct cost gets no contract payment.
 *
 * <p>A payment that arrives before its document is posted is retried later (backoff), not flagged; when the
 * document itself is flagged the payment is parked and replayed together with it ({@code replay(document)}).
 */
public final class PaymentFlow implements Flow {
    public static final String WAITING_PREFIX = "waiting for ";
    private final boolean billPayment;

    public PaymentFlow(boolean billPayment) {
        this.billPayment = billPayment;
    }

    @Override
    public Flow.Result process(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        String noun = billPayment ? "bill payment " : "invoice payment ";
        PaymentRecord pay;
        try {
            pay = billPayment ? ctx.accounting().fetchBillPayment(id) : ctx.accounting().fetchInvoicePayment(id);
        } catch (NotFoundException e) {
            return SourceGone.handle(ctx, ctx.sourceKey(), null, noun + id + " no longer exists in FreshBooks");
        }
        String key = pay.ref().key();
        ctx.source(key, pay.version());
        String what = noun + pay.ref().id() + " of " + pay.amount();
        if (pay.deleted()) {
            return SourceGone.handle(ctx, key, pay.version(), what + " was deleted in FreshBooks");
        }
        String docKey = pay.document().key();
        LedgerEntry doc = ctx.state().ledger(ctx.connectionId(), docKey).orElse(null);
        if (doc == null || doc.targetId() == null) {
            if (doc != null && (doc.state() == LedgerState.FLAGGED || doc.state() == LedgerState.FAILED)) {
                return new Flow.Result.Waiting(key, docKey, WAITING_PREFIX + docKey + ": " + what
                        + " waits until its document, which is " + doc.state().name().toLowerCase() + ", is posted");
            }
            return new Flow.Result.Retry(key, AuditOutcome.FAILED_RETRYABLE, what + " waits for " + docKey
                    + " to be posted first", null);
        }
        TargetKind docKind = doc.kind();
        if (docKind == TargetKind.DIRECT_COST) {
            ctx.audit(Direction.ACCOUNTING_TO_PROJECT, null, AuditOutcome.SKIPPED_NOT_APPLICABLE, what + " pays "
                    + docKey + ", which was posted as direct cost " + doc.targetId()
                    + "; Procore records contract payments only on commitments and prime contracts", Map.of());
            return new Flow.Result.Completed(AuditOutcome.SKIPPED_NOT_APPLICABLE);
        }
        if (docKind != TargetKind.REQUISITION && docKind != TargetKind.PAYMENT_APPLICATION) {
            throw new IllegalStateException(docKey + " is recorded as " + doc.targetKind()
                    + ", which takes no contract payment");
        }
        String docCurrency = doc.attribute(ProjectPosting.ATTR_CURRENCY);
        if (docCurrency != null && !docCurrency.equals(pay.amount().currency())) {
            return Flow.Result.flagged(key, pay.version(), Flag.of(AuditOutcome.FLAGGED_CURRENCY_MISMATCH, what
                    + " is in " + pay.amount().currency() + " but " + docKey + " was posted in " + docCurrency
                    + "; amounts are never converted"));
        }
        ProjectRef project = new ProjectRef(Long.parseLong(doc.attribute(ProjectPosting.ATTR_PROJECT_COMPANY)),
                Long.parseLong(doc.attribute(ProjectPosting.ATTR_PROJECT)));
        String contractId = docKind == TargetKind.REQUISITION ? doc.attribute("commitmentId") : null;
        String origin = OriginIds.forAccountingRecord(ctx.accounting(), pay.ref());
        ContractPaymentDraft draft = new ContractPaymentDraft(origin, contractId, doc.targetId(),
                doc.attribute("number"), pay.amount(), pay.date(), pay.method());
        String fp = new Fingerprint().add("kind", TargetKind.CONTRACT_PAYMENT).add("project", project)
                .add("contract", contractId).add("invoice", doc.targetId()).add("amount", pay.amount())
                .add("date", pay.date()).add("method", pay.method()).digest();
        ProjectSystem ps = ctx.projects();
        return ProjectPosting.post(ctx, new ProjectPosting.Plan(key, pay.version(), TargetKind.CONTRACT_PAYMENT, project,
                draft, origin, pay.amount(), fp, Map.of("document", docKey), java.util.List.of(),
                () -> ps.createContractPayment(project, draft), null,
                "contract payments are not edited by the connector"));
    }
}
