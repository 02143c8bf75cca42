package io.mlconnector.procore.adapter;

import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.CostCodeBudget;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.CurrencyMismatchException;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentApplicationDraft;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.RequisitionDraft;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.procore.model.BillingPeriod;
import io.mlconnector.procore.model.BudgetAdjustmentLine;
import io.mlconnector.procore.model.BudgetChange;
import io.mlconnector.procore.model.BudgetDetailRow;
import io.mlconnector.procore.model.ChangeOrderLineItem;
import io.mlconnector.procore.model.ChangeOrderPackage;
import io.mlconnector.procore.model.CommitmentChangeOrder;
import io.mlconnector.procore.model.CommitmentContract;
import io.mlconnector.procore.model.ContractLineItem;
import io.mlconnector.procore.model.ContractPayment;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.DirectCostLineItem;
import io.mlconnector.procore.model.PaymentApplication;
import io.mlconnector.procore.model.PrimeChangeOrder;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.model.RequisitionItem;
import io.mlconnector.procore.request.ContractPaymentInput;
import io.mlconnector.procore.request.DirectCostInput;
import io.mlconnector.procore.request.DirectCostLineItemInput;
import io.mlconnector.procore.request.PaymentApplicationInput;
import io.mlconnector.procore.request.RequisitionInput;
import io.mlconnector.procore.request.RequisitionItemInput;
import io.mlconnector.procore.webhook.ProcoreResourceTypes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Translates between the neutral records and Procore's objects, without calling Procore: drafts become request
 * bodies (requisition items on SOV lines, direct cost lines by budget code, contract payments), and Procore objects
 * become posted objects, change orders, cost updates and cost code budgets. Reference data it needs (commitments,
 * budget codes, billing periods) is handed in, so each mapping can be tested alone.
 */
final class ProcoreTranslator {
    private static final Set<String> VOID_STATUSES = Set.of("void", "rejected", "not_proceeding", "voided");
    private static final Set<String> EDITABLE_INVOICE = Set.of("draft", "revise_and_resubmit");
    /** Procore takes at most this many lines per direct cost (v1.1 create). */
    static final int MAX_DIRECT_COST_LINES = 100;

    /** A direct cost line as the bill wants it: its origin id ({@code <originId>#<n>}), budget code, amount. */
    record DirectCostLine(String originId, long wbsCodeId, BigDecimal amount, String description) {
    }

    private final NeutralModel neutral;

    ProcoreTranslator(NeutralModel neutral) {
        this.neutral = Objects.requireNonNull(neutral);
    }

    NeutralModel neutral() {
        return neutral;
    }

    // ---- drafts → Procore bodies ----

    /**
     * The amount per SOV line of a commitment for a bill's lines: a line naming its SOV line goes there, else the
     * first SOV line of its cost code (and cost type, when one matches). Amounts on the same SOV line add up.
     */
    Map<Long, BigDecimal> sovAmounts(CommitmentContract commitment, List<AllocatedLine> lines, String currency, WbsIndex wbs) {
        List<ContractLineItem> sov = commitment.lineItems() == null ? List.of() : commitment.lineItems();
        Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
        for (AllocatedLine line : lines) {
            requireCurrency(line.amount(), currency, "commitment " + commitment.id());
            long lineId;
            if (line.commitmentLineId() != null) {
                lineId = ProcoreIds.parse(line.commitmentLineId(), "commitmentLineId");
                if (sov.stream().noneMatch(s -> s.id() == lineId)) {
                    throw new UnresolvedReferenceException("SOV line " + lineId + " is not on commitment " + commitment.id());
                }
            } else {
                lineId = sovLineFor(commitment, sov, line.costCode(), line.costType(), wbs);
            }
            amounts.merge(lineId, line.amount().amount(), BigDecimal::add);
        }
        return amounts;
    }

    private static long sovLineFor(CommitmentContract c, List<ContractLineItem> sov, String costCode, String costType,
                                   WbsIndex wbs) {
        List<ContractLineItem> byCode = sov.stream()
                .filter(s -> costCode != null && costCode.equalsIgnoreCase(wbs.costCodeOf(s.costCode(), s.wbsCode()))).toList();
        if (costType != null) {
            List<ContractLineItem> byType = byCode.stream()
                    .filter(s -> costType.equalsIgnoreCase(wbs.costTypeOf(s.lineItemType(), s.wbsCode()))).toList();
            if (!byType.isEmpty()) {
                return byType.get(0).id();
            }
        }
        if (byCode.isEmpty()) {
            throw new UnresolvedReferenceException("commitment " + c.id() + " (" + c.number() + ") has no SOV line for cost code "
                    + costCode + (costType == null ? "" : " / cost type " + costType));
        }
        return byCode.get(0).id();
    }

    /** The v1.1 requisition create body: header in the billing period, one contract item per SOV line. */
    RequisitionInput newRequisition(RequisitionDraft draft, BillingPeriod period, String status, Map<Long, BigDecimal> amounts) {
        List<RequisitionItemInput> items = new ArrayList<>();
        amounts.forEach((lineId, amount) -> items.add(RequisitionItemInput.contractItem(lineId, amount)));
        return new RequisitionInput(period.id(),
                draft.periodStart() != null ? draft.periodStart() : period.startDate(),
                draft.periodEnd() != null ? draft.periodEnd() : period.endDate(),
                draft.billingDate(), draft.invoiceNumber(), status, draft.description(), draft.originId(), null, items, null);
    }

    /** The requisition header fields an edited bill changes. */
    RequisitionInput requisitionHeader(RequisitionDraft draft) {
        return new RequisitionInput(null, draft.periodStart(), draft.periodEnd(), draft.billingDate(), draft.invoiceNumber(),
                null, draft.description(), null, null, null, null);
    }

    /**
     * A bill's direct cost lines, each on the budget code of its cost code + cost type and carrying the origin id
     * {@code <originId>#<source line no>} that later edits match on.
     */
    List<DirectCostLine> directCostLines(DirectCostDraft draft, Function<AllocatedLine, Optional<Long>> wbsCodeIds,
                                         ProjectRef project) {
        if (draft.lines().size() > MAX_DIRECT_COST_LINES) {
            throw new IllegalArgumentException("Procore takes at most " + MAX_DIRECT_COST_LINES + " lines per direct cost; got "
                    + draft.lines().size());
        }
        List<DirectCostLine> lines = new ArrayList<>();
        int n = 0;
        for (AllocatedLine l : draft.lines()) {
            n++;
            if (draft.total() != null) {
                requireCurrency(l.amount(), draft.total().currency(), "direct cost " + draft.originId());
            }
            long wbs = wbsCodeIds.apply(l).orElseThrow(() -> new UnresolvedReferenceException(
                    "no WBS code for cost code " + l.costCode() + (l.costType() == null ? "" : " / cost type " + l.costType())
                            + " on " + project + " (is there a budget code for it?)"));
            String lineOrigin = draft.originId() == null ? null : draft.originId() + "#" + (l.sourceLineNo() > 0 ? l.sourceLineNo() : n);
            lines.add(new DirectCostLine(lineOrigin, wbs, l.amount().amount(), l.description()));
        }
        return lines;
    }

    /** The v1.1 direct cost create body with its lines. */
    DirectCostInput newDirectCost(DirectCostDraft draft, String type, String status, List<DirectCostLine> lines) {
        List<DirectCostLineItemInput> items = lines.stream().map(l -> new DirectCostLineItemInput(null, null, l.wbsCodeId(),
                null, null, l.amount(), null, l.description(), null, null, null, l.originId(), null, null)).toList();
        return new DirectCostInput(null, type, ProcoreIds.parse(draft.vendorId(), "vendorId"), draft.invoiceNumber(), status,
                draft.date(), draft.date(), null, null, draft.description(), null, draft.originId(), null, items);
    }

    /** The v1.0 direct cost header ({@code item}) of an edited bill: vendor, number, dates, description. */
    DirectCostInput directCostHeader(DirectCostDraft draft) {
        return new DirectCostInput(null, null, ProcoreIds.parse(draft.vendorId(), "vendorId"), draft.invoiceNumber(), null,
                draft.date(), draft.date(), null, null, draft.description(), null, null, null, null);
    }

    /** A line item sync entry: an update of an existing line ({@code id}) or a new line on the direct cost. */
    DirectCostLineItemInput lineSync(long directCostId, Long existingLineId, DirectCostLine line) {
        return new DirectCostLineItemInput(existingLineId, directCostId, line.wbsCodeId(), null, null, null, line.amount(),
                line.description(), null, null, null, line.originId(), null, null);
    }

    /** Whether an existing line already says what the bill's line says. */
    static boolean sameLine(DirectCostLineItem existing, DirectCostLine wanted) {
        Long wbs = existing.wbsCode() == null ? null : existing.wbsCode().id();
        BigDecimal amount = existing.value();
        return wbs != null && wbs == wanted.wbsCodeId() && amount != null && amount.compareTo(wanted.amount()) == 0
                && Objects.equals(existing.description(), wanted.description());
    }

    /** The payment application header of an owner invoice. */
    PaymentApplicationInput newPaymentApplication(PaymentApplicationDraft draft) {
        return new PaymentApplicationInput(null, draft.periodStart(), draft.periodEnd(), draft.billingDate(),
                draft.invoiceNumber(), null, draft.originId(), null);
    }

    /** A draft's amounts per cost code (for filling payment application lines). */
    Map<String, BigDecimal> amountsByCostCode(List<AllocatedLine> lines, String currency, String what) {
        Map<String, BigDecimal> byCode = new LinkedHashMap<>();
        for (AllocatedLine l : lines) {
            requireCurrency(l.amount(), currency, what);
            byCode.merge(WbsIndex.key(l.costCode(), null), l.amount().amount(), BigDecimal::add);
        }
        return byCode;
    }

    /** The contract payment body; the requisition link only for payments on commitments. */
    ContractPaymentInput contractPayment(ContractPaymentDraft draft, Long requisitionId) {
        return new ContractPaymentInput(draft.date(), draft.amount().amount(), draft.invoiceNumber(), null, null,
                PaymentMethods.procoreValue(draft.method()), null, null, requisitionId, draft.originId(), null);
    }

    // ---- Procore objects → neutral ----

    PostedObject posted(ProjectRef project, Requisition r, String currency) {
        BigDecimal total = r.totalClaimedAmount();
        if (total == null && r.items() != null && !r.items().isEmpty()) {
            total = r.items().stream().map(RequisitionItem::workCompletedThisPeriod).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return new PostedObject(TargetKind.REQUISITION, Long.toString(r.id()), project, NeutralModel.originId(r.originId()),
                total == null || currency == null ? null : new Money(total, currency), r.status(),
                r.status() == null || EDITABLE_INVOICE.contains(r.status().toLowerCase(Locale.ROOT)));
    }

    PostedObject posted(ProjectRef project, DirectCost d, String fallbackCurrency) {
        String currency = d.currencyConfiguration() != null && d.currencyConfiguration().currencyIsoCode() != null
                ? d.currencyConfiguration().currencyIsoCode() : fallbackCurrency != null ? fallbackCurrency : neutral.currency(null);
        BigDecimal total = d.total();
        return new PostedObject(TargetKind.DIRECT_COST, Long.toString(d.id()), project, NeutralModel.originId(d.originId()),
                total == null ? null : new Money(total, currency), d.status(),
                d.status() == null || !"approved".equalsIgnoreCase(d.status()));
    }

    PostedObject posted(ProjectRef project, PaymentApplication pa) {
        BigDecimal total = pa.summary() == null ? null : pa.summary().currentPaymentDue();
        return new PostedObject(TargetKind.PAYMENT_APPLICATION, Long.toString(pa.id()), project,
                NeutralModel.originId(pa.originId()), neutral.money(total, pa.currencyConfiguration()), pa.status(),
                pa.status() == null || EDITABLE_INVOICE.contains(pa.status().toLowerCase(Locale.ROOT)));
    }

    PostedObject posted(ProjectRef project, ContractPayment cp, String currency) {
        return new PostedObject(TargetKind.CONTRACT_PAYMENT, Long.toString(cp.id()), project, NeutralModel.originId(cp.originId()),
                cp.amount() == null ? null : new Money(cp.amount(), currency != null ? currency : neutral.currency(null)),
                cp.status(), true);
    }

    /** Lines of a change order from its REST v2 line items, by cost code. */
    List<ChangeOrderLine> changeOrderLines(List<ChangeOrderLineItem> items, String currency, WbsIndex wbs,
                                           Function<Long, Optional<BudgetCode>> byWbsId) {
        List<ChangeOrderLine> out = new ArrayList<>();
        for (ChangeOrderLineItem l : items) {
            String costCode = wbs.costCodeOf(l.costCode(), l.wbsCode());
            String costType = wbs.costTypeOf(l.lineItemType(), l.wbsCode());
            if (costCode == null && l.wbsCode() == null && l.wbsCodeId() != null) {
                Optional<BudgetCode> c = byWbsId.apply(l.wbsCodeId());
                costCode = c.map(BudgetCode::costCode).orElse(null);
                costType = c.map(BudgetCode::costType).orElse(null);
            }
            out.add(NeutralModel.line(costCode, costType, l.description(), new Money(nz(l.value()), currency)));
        }
        return out;
    }

    ChangeOrder changeOrder(ProjectRef project, ChangeOrderPackage pkg, List<ChangeOrderLine> lines) {
        return new ChangeOrder(NeutralModel.ref(ProcoreResourceTypes.CHANGE_ORDER_PACKAGE, pkg.id()), project,
                idText(pkg.contractId()), pkg.number(), pkg.revision() == null ? 0 : pkg.revision(), pkg.title(), pkg.status(),
                approved(pkg.status()), voided(pkg.status(), pkg.deletedAt()), neutral.money(nz(pkg.grandTotal()),
                pkg.currencyConfiguration()), effectiveDate(pkg.signedChangeOrderReceivedDate(), pkg.reviewedAt()), lines,
                NeutralModel.version(pkg.updatedAt()), null, NeutralModel.originId(pkg.originId()));
    }

    ChangeOrder changeOrder(ProjectRef project, CommitmentChangeOrder cco, List<ChangeOrderLine> lines) {
        return new ChangeOrder(NeutralModel.ref(ProcoreResourceTypes.COMMITMENT_CHANGE_ORDER, cco.id()), project,
                idText(cco.contractId()), cco.number(), cco.revision() == null ? 0 : cco.revision(), cco.title(), cco.status(),
                approved(cco.status()), voided(cco.status(), cco.deletedAt()), neutral.money(nz(cco.grandTotal()),
                cco.currencyConfiguration()), effectiveDate(null, cco.reviewedAt()), lines,
                NeutralModel.version(cco.updatedAt()), null, null);
    }

    /** A prime contract change order: approved when its status is {@code approved}; voided when void/rejected or deleted. */
    ChangeOrder primeChangeOrder(ProjectRef project, PrimeChangeOrder pco, List<ChangeOrderLine> lines) {
        return new ChangeOrder(NeutralModel.ref(ProcoreResourceTypes.PRIME_CHANGE_ORDER, pco.id()), project,
                idText(pco.contractId()), pco.number(), pco.revision() == null ? 0 : pco.revision(), pco.title(), pco.status(),
                approved(pco.status()), voided(pco.status(), pco.deletedAt()),
                // the spec publishes no schema for this object: without a grand total, the lines' sum counts
                neutral.money(pco.grandTotal() != null ? pco.grandTotal() : sum(lines),
                pco.currencyConfiguration()), effectiveDate(pco.signedChangeOrderReceivedDate(), pco.reviewedAt()), lines,
                NeutralModel.version(pco.updatedAt()), null, null);
    }

    CostUpdate directCost(ProjectRef project, DirectCost dc, List<DirectCostLineItem> items, WbsIndex wbs) {
        String currency = neutral.currency(dc.currencyConfiguration());
        List<ChangeOrderLine> lines = items.stream().map(l -> NeutralModel.line(wbs.costCodeOf(l.costCode(), l.wbsCode()),
                wbs.costTypeOf(l.lineItemType(), l.wbsCode()), l.description(), new Money(nz(l.value()), currency))).toList();
        BigDecimal total = dc.total() != null ? dc.total() : sum(lines);
        return new CostUpdate(NeutralModel.ref(ProcoreResourceTypes.DIRECT_COST, dc.id()), project, CostUpdateKind.DIRECT_COST,
                dc.description(), dc.status(), dc.deletedAt() != null, dc.directCostDate(), lines, new Money(total, currency),
                NeutralModel.version(dc.updatedAt()), null, NeutralModel.originId(dc.originId()));
    }

    /** A budget change with its adjustment lines (those of the project's adjustment list that belong to it). */
    CostUpdate budgetChange(ProjectRef project, BudgetChange bc, List<BudgetAdjustmentLine> adjustments,
                            Function<Long, Optional<BudgetCode>> byWbsId) {
        String currency = neutral.currency(null);
        List<ChangeOrderLine> lines = new ArrayList<>();
        for (BudgetAdjustmentLine a : adjustments) {
            Optional<BudgetCode> code = byWbsId.apply(a.wbsCodeId());
            lines.add(NeutralModel.line(code.map(BudgetCode::costCode).orElse(null), code.map(BudgetCode::costType).orElse(null),
                    a.description(), new Money(nz(a.amount()), currency)));
        }
        return new CostUpdate(NeutralModel.ref(ProcoreResourceTypes.BUDGET_CHANGE, bc.id()), project, CostUpdateKind.BUDGET_CHANGE,
                bc.title() != null ? bc.title() : bc.description(), bc.status(), voided(bc.status(), bc.deletedAt()),
                bc.createdAt() == null ? null : LocalDate.ofInstant(bc.createdAt(), ZoneOffset.UTC), lines,
                new Money(sum(lines), currency), NeutralModel.version(bc.updatedAt()), null, NeutralModel.originId(bc.originId()));
    }

    /**
     * The budget per cost code (+ cost type): the original budget of the budget view's rows, plus the approved
     * budget change adjustments on the same budget code, giving the revised budget. A row or adjustment whose budget
     * code cannot be read is kept under {@code wbs_code_id:<id>} rather than dropped.
     */
    List<CostCodeBudget> costCodeBudgets(List<BudgetDetailRow> rows, List<BudgetAdjustmentLine> adjustments,
                                         Function<Long, Optional<BudgetCode>> byWbsId) {
        Map<BudgetCode, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<BudgetCode, String> currencies = new LinkedHashMap<>();
        for (BudgetDetailRow row : rows) {
            BudgetCode code = rowCode(row, byWbsId);
            BigDecimal original = row.amount("original_budget_amount").orElse(BigDecimal.ZERO);
            sums.computeIfAbsent(code, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] =
                    sums.get(code)[0].add(original);
            rowCurrency(row).ifPresent(c -> currencies.putIfAbsent(code, c));
        }
        for (BudgetAdjustmentLine a : adjustments) {
            if (!a.approved()) {
                continue;
            }
            BudgetCode code = byWbsId.apply(a.wbsCodeId()).orElseGet(() -> unread(a.wbsCodeId()));
            BigDecimal[] s = sums.computeIfAbsent(code, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[1] = s[1].add(nz(a.amount()));
        }
        List<CostCodeBudget> out = new ArrayList<>();
        sums.forEach((code, s) -> {
            String currency = currencies.getOrDefault(code, neutral.currency(null));
            out.add(new CostCodeBudget(code.costCode(), code.costType(), new Money(s[0], currency), new Money(s[1], currency),
                    new Money(s[0].add(s[1]), currency)));
        });
        return out;
    }

    private static BudgetCode rowCode(BudgetDetailRow row, Function<Long, Optional<BudgetCode>> byWbsId) {
        if (row.wbsCodeId() != null) {
            Optional<BudgetCode> c = byWbsId.apply(row.wbsCodeId());
            if (c.isPresent()) {
                return c.get();
            }
        }
        if (row.costCode() != null && row.costCode().fullCode() != null) {
            return new BudgetCode(row.costCode().fullCode(), row.lineItemType() == null ? null : row.lineItemType().code());
        }
        return unread(row.wbsCodeId());
    }

    private static BudgetCode unread(Long wbsCodeId) {
        return new BudgetCode("wbs_code_id:" + wbsCodeId, null);
    }

    private static Optional<String> rowCurrency(BudgetDetailRow row) {
        var cfg = row.columns().get("currency_configuration");
        if (cfg != null && cfg.hasNonNull("currency_iso_code") && !cfg.get("currency_iso_code").asText().isBlank()) {
            return Optional.of(cfg.get("currency_iso_code").asText());
        }
        return Optional.empty();
    }

    // ---- rules shared by the mappings ----

    static void requireCurrency(Money amount, String currency, String what) {
        if (amount != null && currency != null && !amount.currency().equals(currency)) {
            throw new CurrencyMismatchException(currency, amount.currency() + " (posting to " + what + ")");
        }
    }

    static boolean approved(String status) {
        return status != null && "approved".equalsIgnoreCase(status);
    }

    static boolean voided(String status, Instant deletedAt) {
        return deletedAt != null || status != null && VOID_STATUSES.contains(status.toLowerCase(Locale.ROOT));
    }

    private static LocalDate effectiveDate(LocalDate signed, Instant reviewedAt) {
        if (signed != null) {
            return signed;
        }
        return reviewedAt == null ? null : LocalDate.ofInstant(reviewedAt, ZoneOffset.UTC);
    }

    static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static BigDecimal sum(List<ChangeOrderLine> lines) {
        return lines.stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String idText(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
