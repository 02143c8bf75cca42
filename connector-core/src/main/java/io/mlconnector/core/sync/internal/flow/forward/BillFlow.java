package io.mlconnector.core.sync.internal.flow.forward;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.CommitmentLine;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.DocumentLine;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.RequisitionDraft;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.core.sync.internal.flow.Flag;
import io.mlconnector.core.sync.internal.flow.Flow;
import io.mlconnector.core.sync.internal.flow.FlowContext;
import io.mlconnector.core.sync.internal.flow.OriginIds;
import io.mlconnector.core.sync.internal.flow.ProjectPosting;
import io.mlconnector.core.sync.internal.flow.Resolver;
import io.mlconnector.core.sync.internal.flow.SourceGone;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.plan.Allocation;
import io.mlconnector.core.sync.internal.plan.CodedLine;
import io.mlconnector.core.sync.internal.plan.DocumentTotals;
import io.mlconnector.core.sync.internal.plan.Fingerprint;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A FreshBooks bill becomes a Procore requisition on the vendor's commitment on the mapped project (items on the
 * schedule-of-values lines whose cost code each bill line's expense category maps to), or a direct cost (type
 * invoice, lines by cost code and cost type) when the vendor has no commitment there.
 *
 * <p>Resolution: vendor by {@code VENDOR}; project by the projects named on the bill or its lines ({@code PROJECT}),
 * else by the vendor ({@code VENDOR_PROJECT}), validated with the project system; each line's expense category by
 * {@code GL_ACCOUNT} (cost code, attribute {@code costType}). Lines with the same cost code and cost type are summed
 * exactly; the allocated total must equal the bill's total. The bill's currency must equal every line's, the
 * commitment's (requisition) and the connection's project currency (direct cost, when configured); a mismatch is
 * flagged, never converted.
 *
 * <p>On a {@code bill.update} (webhook or poll), the bill's new payments are queued right after the bill
 * ({@link NewBillPayments}).
 */
public final class BillFlow implements Flow {

    /**
     * Handles the bill; after an update that was handled (posted, updated or found unchanged), queues its payments
     * not yet in the ledger ({@link NewBillPayments}).
     */
    @Override
    public Flow.Result process(FlowContext ctx) {
        Flow.Result result = handle(ctx);
        if (result instanceof Flow.Result.Completed && !ctx.dryRun()
                && "update".equals(ctx.payload().get(WorkPayload.ACTION))) {
            NewBillPayments.enqueue(ctx, ctx.payload().get(WorkPayload.ID));
        }
        return result;
    }

    private Flow.Result handle(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        SourceDocument bill;
        try {
            bill = ctx.accounting().fetchBill(id);
        } catch (NotFoundException e) {
            return SourceGone.handle(ctx, ctx.sourceKey(), null, "bill " + id + " no longer exists in FreshBooks");
        }
        String key = bill.ref().key();
        ctx.source(key, bill.version());
        String what = "bill " + bill.ref().id() + (bill.number() == null ? "" : " (#" + bill.number() + ")");
        if (bill.deleted()) {
            return SourceGone.handle(ctx, key, bill.version(), what + " was deleted in FreshBooks");
        }
        Resolver r = new Resolver(ctx);
        String vendorId = bill.counterparty() == null ? null : bill.counterparty().id();
        Optional<Mapping> vendor = r.confirmed(MappingKind.VENDOR, vendorId);
        if (vendorId == null) {
            r.flag(Flag.of(AuditOutcome.FLAGGED_UNMAPPED_VENDOR, what + " has no vendor"));
        } else if (vendor.isEmpty()) {
            r.flag(Flag.unmapped(AuditOutcome.FLAGGED_UNMAPPED_VENDOR, "FreshBooks vendor " + vendorId + " of " + what
                    + " has no confirmed Procore vendor mapping (VENDOR " + vendorId + ")", MappingKind.VENDOR, vendorId,
                    "FreshBooks vendor " + vendorId));
        }
        List<ExternalRef> named = new ArrayList<>();
        named.add(bill.project());
        bill.lines().forEach(l -> named.add(l.project()));
        Resolver.ProjectChoice project = r.project(what, named, MappingKind.VENDOR_PROJECT, vendorId);
        List<CodedLine> coded = codeLines(r, bill, what);
        if (!r.hasFlags() && project != null) {
            r.validate(what, project);
        }
        if (r.hasFlags()) {
            return Flow.Result.flagged(key, bill.version(), r.flags());
        }
        List<AllocatedLine> allocated = Allocation.byCostCode(coded);
        Money total = Allocation.total(allocated, bill.currency());
        DocumentTotals.requireEqual(what, total, bill.total());
        ProjectSystem ps = ctx.projects();
        String projectSideVendor = vendor.orElseThrow().targetId();
        Optional<Commitment> commitment = ps.findCommitment(project.ref(), projectSideVendor);
        String origin = OriginIds.forAccountingRecord(ctx.accounting(), bill.ref());
        String description = "FreshBooks " + what + " [" + origin + "]";
        if (commitment.isPresent()) {
            return requisition(ctx, r, bill, what, project.ref(), commitment.get(), coded, allocated, total, origin,
                    description);
        }
        String currency = ctx.connection().projectCurrency();
        if (currency != null && !currency.equals(bill.currency())) {
            return Flow.Result.flagged(key, bill.version(), Flag.of(AuditOutcome.FLAGGED_CURRENCY_MISMATCH, what
                    + " is in " + bill.currency() + " but Procore company " + ps.companyId() + " keeps costs in "
                    + currency + "; amounts are never converted"));
        }
        DirectCostDraft draft = new DirectCostDraft(origin, projectSideVendor, invoiceNumber(bill), bill.issueDate(),
                bill.dueDate(), allocated, total, description);
        String fp = new Fingerprint().add("kind", TargetKind.DIRECT_COST).add("project", project.ref())
                .add("vendor", projectSideVendor).add("number", invoiceNumber(bill)).add("date", bill.issueDate())
                .add("due", bill.dueDate()).lines(allocated).add("total", total).digest();
        Map<String, String> attrs = Map.of("number", String.valueOf(bill.number()), "procoreVendorId", projectSideVendor);
        return ProjectPosting.post(ctx, new ProjectPosting.Plan(key, bill.version(), TargetKind.DIRECT_COST,
                project.ref(), draft, origin, total, fp, attrs, r.used(),
                () -> ps.createDirectCost(project.ref(), draft),
                targetId -> ps.updateDirectCost(project.ref(), targetId, draft), null));
    }

    private static List<CodedLine> codeLines(Resolver r, SourceDocument bill, String what) {
        List<CodedLine> coded = new ArrayList<>();
        for (DocumentLine line : bill.lines()) {
            if (!line.amount().currency().equals(bill.currency())) {
                r.flag(Flag.of(AuditOutcome.FLAGGED_CURRENCY_MISMATCH, "line " + line.lineNo() + " of " + what + " is in "
                        + line.amount().currency() + " but the bill is in " + bill.currency()
                        + "; amounts are never converted"));
                continue;
            }
            if (line.glAccount() == null) {
                r.flag(Flag.of(AuditOutcome.FLAGGED_UNMAPPED_GL_ACCOUNT, "line " + line.lineNo() + " of " + what
                        + " has no expense category (GL account), so no cost code can be chosen"));
                continue;
            }
            String gl = line.glAccount().id();
            Optional<Mapping> m = r.confirmed(MappingKind.GL_ACCOUNT, gl);
            if (m.isEmpty()) {
                r.flag(Flag.unmapped(AuditOutcome.FLAGGED_UNMAPPED_GL_ACCOUNT, "GL account (expense category) " + gl
                                + " on line " + line.lineNo() + " of " + what
                                + " has no confirmed cost code mapping (GL_ACCOUNT " + gl + ")", MappingKind.GL_ACCOUNT,
                        gl, "FreshBooks expense category " + gl));
                continue;
            }
            coded.add(new CodedLine(line.lineNo(), line.description(), m.get().targetId(),
                    m.get().attribute("costType"), line.amount()));
        }
        return coded;
    }

    private static Flow.Result requisition(FlowContext ctx, Resolver r, SourceDocument bill, String what,
                                          ProjectRef project, Commitment c, List<CodedLine> coded,
                                          List<AllocatedLine> allocated, Money total, String origin,
                                          String description) {
        String key = bill.ref().key();
        String commitmentName = "commitment " + c.id() + (c.number() == null ? "" : " (#" + c.number() + ")");
        if (c.currency() != null && !c.currency().equalsIgnoreCase(bill.currency())) {
            return Flow.Result.flagged(key, bill.version(), Flag.of(AuditOutcome.FLAGGED_CURRENCY_MISMATCH, what
                    + " is in " + bill.currency() + " but " + commitmentName + " on " + project + " is in "
                    + c.currency() + "; amounts are never converted"));
        }
        if (!c.requisitionsEnabled()) {
            return Flow.Result.flagged(key, bill.version(), Flag.of(AuditOutcome.FLAGGED_NO_COMMITMENT_LINE,
                    commitmentName + " of the vendor on " + project + " does not accept invoices (requisitions are "
                            + "disabled, status " + c.status() + "); enable invoicing on it in Procore, then replay"));
        }
        List<AllocatedLine> lines = new ArrayList<>();
        for (AllocatedLine a : allocated) {
            Optional<CommitmentLine> sov = sovLine(c, a);
            if (sov.isEmpty()) {
                Set<String> accounts = new LinkedHashSet<>();
                for (CodedLine l : coded) {
                    if (l.costCode().equals(a.costCode())) {
                        bill.lines().stream().filter(dl -> dl.lineNo() == l.lineNo()).findFirst()
                                .ifPresent(dl -> accounts.add(dl.glAccount().id()));
                    }
                }
                String gl = accounts.iterator().next();
                r.flag(Flag.unmapped(AuditOutcome.FLAGGED_NO_COMMITMENT_LINE, what + " has " + a.amount()
                                + " for cost code " + a.costCode() + " (from GL account " + String.join(", ", accounts)
                                + ") but " + commitmentName + " has no schedule-of-values line with cost code "
                                + a.costCode() + "; add the line in Procore or remap the GL account",
                        MappingKind.GL_ACCOUNT, gl, "FreshBooks expense category " + gl + " → cost code "
                                + a.costCode() + " (not on " + commitmentName + ")"));
                continue;
            }
            lines.add(Allocation.onCommitmentLine(a, sov.get().id()));
        }
        if (r.hasFlags()) {
            return Flow.Result.flagged(key, bill.version(), r.flags());
        }
        LocalDate date = bill.issueDate();
        LocalDate start = date == null ? null : date.with(TemporalAdjusters.firstDayOfMonth());
        LocalDate end = date == null ? null : date.with(TemporalAdjusters.lastDayOfMonth());
        RequisitionDraft draft = new RequisitionDraft(origin, c.id(), invoiceNumber(bill), date, start, end, lines,
                total, description);
        String fp = new Fingerprint().add("kind", TargetKind.REQUISITION).add("project", project)
                .add("commitment", c.id()).add("number", invoiceNumber(bill)).add("date", date).lines(lines)
                .add("total", total).digest();
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("commitmentId", c.id());
        attrs.put("number", String.valueOf(bill.number()));
        ProjectSystem ps = ctx.projects();
        return ProjectPosting.post(ctx, new ProjectPosting.Plan(key, bill.version(), TargetKind.REQUISITION, project,
                draft, origin, total, fp, attrs, r.used(), () -> ps.createRequisition(project, draft),
                targetId -> ps.updateRequisition(project, targetId, draft), null));
    }

    /** The SOV line billed for an allocated line: same cost code, preferring the same cost type, then the first. */
    private static Optional<CommitmentLine> sovLine(Commitment c, AllocatedLine a) {
        CommitmentLine first = null;
        for (CommitmentLine l : c.lines()) {
            if (a.costCode().equals(l.costCode())) {
                if (a.costType() != null && a.costType().equals(l.costType())) {
                    return Optional.of(l);
                }
                if (first == null) {
                    first = l;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * The invoice number sent to Procore: the bill's number, or {@code FB-<bill id>} when the bill has none (Procore
     * requires one on invoice-type direct costs, and a person must be able to find the bill from it).
     */
    static String invoiceNumber(SourceDocument bill) {
        String n = bill.number();
        return n == null || n.isBlank() ? "FB-" + bill.ref().id() : n;
    }
}
