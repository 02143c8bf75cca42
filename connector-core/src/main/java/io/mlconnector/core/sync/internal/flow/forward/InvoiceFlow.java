package io.mlconnector.core.sync.internal.flow.forward;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.DocumentLine;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentApplicationDraft;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A FreshBooks invoice (to the owner / client) becomes a Procore payment application (owner invoice) on the mapped
 * project's prime contract. Project: projects named on the invoice or its lines ({@code PROJECT}), else the client
 * ({@code CLIENT_PROJECT}). Each line's cost code: its item ({@code ITEM}), else the project's default
 * ({@code PROJECT_DEFAULT_COST_CODE}, keyed by Procore project id), else the invoice is flagged. Amounts per cost code
 * are summed exactly. Payment applications are not revised by the connector: a change after posting is flagged.
 */
public final class InvoiceFlow implements Flow {

    @Override
    public Flow.Result process(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        SourceDocument invoice;
        try {
            invoice = ctx.accounting().fetchInvoice(id);
        } catch (NotFoundException e) {
            return SourceGone.handle(ctx, ctx.sourceKey(), null, "invoice " + id + " no longer exists in FreshBooks");
        }
        String key = invoice.ref().key();
        ctx.source(key, invoice.version());
        String what = "invoice " + invoice.ref().id() + (invoice.number() == null ? "" : " (#" + invoice.number() + ")");
        if (invoice.deleted()) {
            return SourceGone.handle(ctx, key, invoice.version(), what + " was deleted in FreshBooks");
        }
        Resolver r = new Resolver(ctx);
        String clientId = invoice.counterparty() == null ? null : invoice.counterparty().id();
        List<ExternalRef> named = new ArrayList<>();
        named.add(invoice.project());
        invoice.lines().forEach(l -> named.add(l.project()));
        Resolver.ProjectChoice project = r.project(what, named, MappingKind.CLIENT_PROJECT, clientId);
        String projectId = project == null ? null : String.valueOf(project.ref().projectId());
        Optional<Mapping> projectDefault = projectId == null ? Optional.empty()
                : r.confirmed(MappingKind.PROJECT_DEFAULT_COST_CODE, projectId);
        List<CodedLine> coded = new ArrayList<>();
        for (DocumentLine line : invoice.lines()) {
            if (!line.amount().currency().equals(invoice.currency())) {
                r.flag(Flag.of(AuditOutcome.FLAGGED_CURRENCY_MISMATCH, "line " + line.lineNo() + " of " + what
                        + " is in " + line.amount().currency() + " but the invoice is in " + invoice.currency()
                        + "; amounts are never converted"));
                continue;
            }
            String itemId = line.item() == null ? null : line.item().id();
            Optional<Mapping> item = r.confirmed(MappingKind.ITEM, itemId);
            Optional<Mapping> chosen = item.isPresent() ? item : projectDefault;
            if (chosen.isEmpty()) {
                if (project == null) {
                    continue; // the project flag says it already; the default cost code depends on the project
                }
                if (itemId != null) {
                    r.flag(Flag.unmapped(AuditOutcome.FLAGGED_UNMAPPED_COST_CODE, "item " + itemId + " on line "
                                    + line.lineNo() + " of " + what + " has no confirmed cost code mapping (ITEM " + itemId
                                    + ") and Procore project " + projectId + " has no default cost code"
                                    + " (PROJECT_DEFAULT_COST_CODE " + projectId + ")", MappingKind.ITEM, itemId,
                            "FreshBooks item " + itemId));
                } else {
                    r.flag(Flag.unmapped(AuditOutcome.FLAGGED_UNMAPPED_COST_CODE, "line " + line.lineNo() + " of "
                                    + what + " has no item and Procore project " + projectId
                                    + " has no default cost code (PROJECT_DEFAULT_COST_CODE " + projectId + ")",
                            MappingKind.PROJECT_DEFAULT_COST_CODE, projectId, "Procore project " + projectId));
                }
                continue;
            }
            coded.add(new CodedLine(line.lineNo(), line.description(), chosen.get().targetId(),
                    chosen.get().attribute("costType"), line.amount()));
        }
        if (!r.hasFlags() && project != null) {
            r.validate(what, project);
        }
        String currency = ctx.connection().projectCurrency();
        if (currency != null && !currency.equals(invoice.currency())) {
            r.flag(Flag.of(AuditOutcome.FLAGGED_CURRENCY_MISMATCH, what + " is in " + invoice.currency()
                    + " but Procore company " + ctx.projects().companyId() + " keeps contracts in " + currency
                    + "; amounts are never converted"));
        }
        if (r.hasFlags()) {
            return Flow.Result.flagged(key, invoice.version(), r.flags());
        }
        List<AllocatedLine> allocated = Allocation.byCostCode(coded);
        Money total = Allocation.total(allocated, invoice.currency());
        DocumentTotals.requireEqual(what, total, invoice.total());
        String origin = OriginIds.forAccountingRecord(ctx.accounting(), invoice.ref());
        LocalDate date = invoice.issueDate();
        LocalDate start = date == null ? null : date.with(TemporalAdjusters.firstDayOfMonth());
        LocalDate end = date == null ? null : date.with(TemporalAdjusters.lastDayOfMonth());
        PaymentApplicationDraft draft = new PaymentApplicationDraft(origin, invoice.number(), date, start, end,
                allocated, total, "FreshBooks " + what + " [" + origin + "]");
        String fp = new Fingerprint().add("kind", TargetKind.PAYMENT_APPLICATION).add("project", project.ref())
                .add("number", invoice.number()).add("date", date).lines(allocated).add("total", total).digest();
        ProjectSystem ps = ctx.projects();
        return ProjectPosting.post(ctx, new ProjectPosting.Plan(key, invoice.version(), TargetKind.PAYMENT_APPLICATION,
                project.ref(), draft, origin, total, fp, Map.of("number", String.valueOf(invoice.number())), r.used(),
                () -> ps.createPaymentApplication(project.ref(), draft), null,
                "payment applications are not revised by the connector"));
    }
}
