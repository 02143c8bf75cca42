package io.mlconnector.core.sync.reconcile;

import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.CostCodeBudget;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.ExpenseEntry;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.port.InvalidProjectException;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.SyncStateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One reconciliation of one connection and month; see {@link Reconciler} for what it compares. Reads only. */
final class ReconciliationRun {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationRun.class);
    /** The ledger target kind of expense entries, as the report names it. */
    private static final String EXPENSE = TargetKind.EXPENSE.name();
    /** Ledger target kind and attributes the engine writes for a prime contract change order. */
    private static final String FIXED_PRICE = "FIXED_PRICE";
    private static final String ATTR_FIXED_PRICE_APPLIED = "fixedPrice.applied";
    private static final String ATTR_SKIPPED = "skipped";

    private final String connectionId;
    private final YearMonth period;
    private final AccountingSystem accounting;
    private final ProjectSystem projectSystem;
    private final MappingStore mappings;
    private final SyncStateStore state;
    private final Clock clock;
    private final Function<ExternalRef, String> originIds;
    private final LocalDate from;
    private final LocalDate to;
    private final Instant since;
    private final CostCodeAllocator allocator;
    private final CostCodeTotals totals = new CostCodeTotals();
    private final List<RecordComparison> records = new ArrayList<>();
    private final Map<String, LedgerEntry> ledger = new HashMap<>();
    private final Set<String> ledgerOrigins = new HashSet<>();
    private final Set<String> coveredOrigins = new HashSet<>();
    private final Set<String> touchedProjects = new LinkedHashSet<>();

    ReconciliationRun(String connectionId, YearMonth period, AccountingSystem accounting, ProjectSystem projectSystem,
                      MappingStore mappings, SyncStateStore state, Clock clock, Duration lookback,
                      Function<ExternalRef, String> originIds) {
        this.connectionId = connectionId;
        this.period = period;
        this.accounting = accounting;
        this.projectSystem = projectSystem;
        this.mappings = mappings;
        this.state = state;
        this.clock = clock;
        this.originIds = originIds;
        this.from = period.atDay(1);
        this.to = period.atEndOfMonth();
        this.since = from.atStartOfDay(ZoneOffset.UTC).toInstant().minus(lookback);
        this.allocator = new CostCodeAllocator(connectionId, mappings);
    }

    ReconciliationReport run() {
        List<LedgerEntry> entries = state.ledgerEntries(connectionId);
        for (LedgerEntry e : entries) {
            ledger.put(e.sourceKey(), e);
            if (e.attribute("originId") != null) {
                ledgerOrigins.add(e.attribute("originId"));
            }
        }
        Map<String, String> projectNames = new HashMap<>();
        for (Project p : projectSystem.listProjects()) {
            projectNames.put(p.ref().id(), p.name());
        }
        for (SourceDocument bill : documents(SourceStream.BILLS, accounting::fetchBill)) {
            compareSource(fromDocument(bill, ReconciledFlow.COSTS));
        }
        for (SourceDocument invoice : documents(SourceStream.INVOICES, accounting::fetchInvoice)) {
            compareSource(fromDocument(invoice, ReconciledFlow.BILLINGS));
        }
        for (PaymentRecord p : payments(SourceStream.BILL_PAYMENTS, accounting::fetchBillPayment)) {
            compareSource(fromPayment(p, accounting::fetchBill));
        }
        for (PaymentRecord p : payments(SourceStream.INVOICE_PAYMENTS, accounting::fetchInvoicePayment)) {
            compareSource(fromPayment(p, accounting::fetchInvoice));
        }
        Set<String> projects = new LinkedHashSet<>();
        for (Mapping m : mappings.list(connectionId, MappingKind.PROJECT)) {
            if (m.isConfirmed()) {
                projects.add(m.targetId());
            }
        }
        projects.addAll(touchedProjects);
        for (String projectId : projects) {
            scanProject(projectId);
        }
        List<CostCodeBudgetLine> budgets = new ArrayList<>();
        for (String projectId : projects) {
            budgets.addAll(budgetLines(projectId, projectNames.get(projectId)));
        }
        List<WaitingRecord> waiting = WaitingRecords.collect(state, connectionId, entries);
        ReconciliationReport report = new ReconciliationReport(connectionId, period, clock.instant(),
                totals.totals(projectNames), records, waiting, budgets);
        LOG.info("reconciliation of connection {} for {}: {}", connectionId, period, report.summary());
        return report;
    }

    // ------------------------------------------------------------------ accounting → project

    /** What one accounting record contributes, whatever its kind. */
    private record Source(String key, ExternalRef ref, String number, LocalDate date, boolean deleted,
                          ReconciledFlow flow, String projectId, ProjectRef project, Money total,
                          Map<String, Money> split, List<TargetKind> kinds, String originId, LedgerEntry entry) {
    }

    private Source fromDocument(SourceDocument doc, ReconciledFlow flow) {
        LedgerEntry e = ledger.get(doc.ref().key());
        String projectId = ledgerProject(e);
        if (projectId == null) {
            projectId = allocator.projectOf(doc);
        }
        Map<String, Money> split = allocator.allocate(doc, projectId);
        Money total = doc.total() != null ? doc.total() : sum(split.values(), doc.currency());
        List<TargetKind> kinds = flow == ReconciledFlow.COSTS ? List.of(TargetKind.REQUISITION, TargetKind.DIRECT_COST)
                : List.of(TargetKind.PAYMENT_APPLICATION);
        return new Source(doc.ref().key(), doc.ref(), doc.number(), doc.issueDate(), doc.deleted(), flow, projectId,
                projectRef(e, projectId), total, split, kindsOf(e, kinds), originOf(e, doc.ref()), e);
    }

    private Source fromPayment(PaymentRecord p, Function<String, SourceDocument> fetchDocument) {
        LedgerEntry e = ledger.get(p.ref().key());
        String projectId = ledgerProject(e);
        if (projectId == null && p.document() != null) {
            LedgerEntry docEntry = ledger.get(p.document().key());
            projectId = ledgerProject(docEntry);
            if (projectId == null) {
                try {
                    projectId = allocator.projectOf(fetchDocument.apply(p.document().id()));
                } catch (NotFoundException ex) {
                    projectId = null;
                }
            }
        }
        Map<String, Money> split = new LinkedHashMap<>();
        split.put(null, p.amount());
        return new Source(p.ref().key(), p.ref(), null, p.date(), p.deleted(), ReconciledFlow.PAYMENTS, projectId,
                projectRef(e, projectId), p.amount(), split, kindsOf(e, List.of(TargetKind.CONTRACT_PAYMENT)),
                originOf(e, p.ref()), e);
    }

    private void compareSource(Source s) {
        coveredOrigins.add(s.originId());
        if (s.projectId() != null) {
            touchedProjects.add(s.projectId());
        }
        LedgerEntry e = s.entry();
        if (s.deleted()) {
            compareDeleted(s);
            return;
        }
        totals.addAccounting(s.projectId(), s.flow(), s.split());
        if (e != null && e.state() == LedgerState.FLAGGED) {
            String reason = WaitingRecords.reasonOf(e);
            add(s, RecordStatus.FLAGGED, null, null, BigDecimal.ZERO,
                    reason != null ? reason : "flagged by the connector; waits for a fix and a replay");
            return;
        }
        if (s.project() == null) {
            add(s, RecordStatus.ACCOUNTING_ONLY, null, null, BigDecimal.ZERO,
                    "no confirmed project mapping; not posted to the project system");
            return;
        }
        Optional<PostedObject> found;
        try {
            found = find(s);
        } catch (InvalidProjectException ex) {
            add(s, RecordStatus.ACCOUNTING_ONLY, null, null, BigDecimal.ZERO,
                    s.project() + " is not valid in the project system: " + ex.getMessage());
            return;
        }
        if (found.isEmpty()) {
            add(s, RecordStatus.ACCOUNTING_ONLY, null, null, BigDecimal.ZERO, missingReason(s));
            return;
        }
        PostedObject po = found.get();
        Comparison c = Comparison.of(s.total(), po.total());
        String reason = c.reason();
        if (reason == null && e == null) {
            reason = "found by origin id " + s.originId() + "; the ledger has no entry";
        } else if (reason == null && e.targetId() != null && !e.targetId().equals(po.id())) {
            reason = "the ledger names " + e.targetKind() + " " + e.targetId() + ", the object carrying the origin id is "
                    + po.id();
        }
        add(s, c.status(), po.kind().name(), po.id(), c.projectAmount(), reason);
        totals.addProject(s.projectId(), s.flow(), c.status() == RecordStatus.MATCHED ? s.split() : projectSplit(s, po));
    }

    private void compareDeleted(Source s) {
        LedgerEntry e = s.entry();
        if (e == null || s.project() == null || e.state() == LedgerState.REVERSED) {
            return;
        }
        Optional<PostedObject> found;
        try {
            found = find(s);
        } catch (InvalidProjectException ex) {
            return;
        }
        if (found.isEmpty() || found.get().total() == null || found.get().total().isZero()) {
            return;
        }
        PostedObject po = found.get();
        Money t = po.total();
        records.add(new RecordComparison(RecordStatus.PROJECT_ONLY, s.flow(), s.key(), s.number(), po.kind().name(),
                po.id(), s.projectId(), s.date(), t.currency(), BigDecimal.ZERO, t.amount(), t.amount().negate(),
                "deleted in the accounting system; " + po.kind().name() + " " + po.id()
                        + " is still in the project system"));
        totals.addProject(s.projectId(), s.flow(), projectSplit(s, po));
    }

    private Optional<PostedObject> find(Source s) {
        for (TargetKind kind : s.kinds()) {
            Optional<PostedObject> found = projectSystem.findByOrigin(s.project(), kind, s.originId());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private String missingReason(Source s) {
        LedgerEntry e = s.entry();
        if (e == null) {
            return "not posted to the project system";
        }
        return switch (e.state()) {
            case PENDING -> "posting started but not finished; no object on " + s.project() + " carries origin id "
                    + s.originId();
            case POSTED -> "the ledger says posted as " + e.targetKind() + " " + e.targetId() + ", but no object on "
                    + s.project() + " carries origin id " + s.originId();
            case FAILED -> "posting failed permanently";
            case REVERSED -> "the posting was reversed";
            case FLAGGED -> "flagged";
        };
    }

    /** The target's amounts by cost code: a direct cost's own lines when it can be read, else one line without code. */
    private Map<String, Money> projectSplit(Source s, PostedObject po) {
        Map<String, Money> out = new LinkedHashMap<>();
        if (po.kind() == TargetKind.DIRECT_COST) {
            try {
                CostUpdate cu = projectSystem.fetchCostUpdate(s.project(), CostUpdateKind.DIRECT_COST, po.id());
                if (!cu.lines().isEmpty()) {
                    cu.lines().forEach(l -> out.merge(l.costCode(), l.amount(), Money::plus));
                    return out;
                }
            } catch (ConnectorException ex) {
                LOG.debug("direct cost {} lines not read: {}", po.id(), ex.getMessage());
            }
        }
        if (po.total() != null) {
            out.put(null, po.total());
        }
        return out;
    }

    private void add(Source s, RecordStatus status, String targetKind, String targetId, BigDecimal projectAmount,
                     String reason) {
        BigDecimal difference = projectAmount == null ? null : s.total().amount().subtract(projectAmount);
        records.add(new RecordComparison(status, s.flow(), s.key(), s.number(), targetKind, targetId, s.projectId(),
                s.date(), s.total().currency(), s.total().amount(), projectAmount, difference, reason));
    }

    // ------------------------------------------------------------------ project → accounting

    private void scanProject(String projectId) {
        ProjectRef ref;
        try {
            ref = new ProjectRef(projectSystem.companyId(), Long.parseLong(projectId));
        } catch (IllegalArgumentException ex) {
            LOG.warn("connection {}: project id {} is not a project-system id; skipped", connectionId, projectId);
            return;
        }
        try {
            for (String id : ids(projectSystem.listChanged(ref, SourceStream.CHANGE_ORDERS, since))) {
                ChangeOrder co;
                try {
                    co = projectSystem.fetchChangeOrder(ref, id);
                } catch (NotFoundException ex) {
                    continue;
                }
                if (!inPeriod(co.date())) {
                    continue;
                }
                boolean counts = co.approved() && !co.voided();
                compareChange(co.ref(), co.number(), co.date(), projectId,
                        counts ? co.amount() : Money.zero(co.amount().currency()),
                        counts ? split(co.lines(), co.amount()) : Map.of());
            }
            for (String id : ids(projectSystem.listChanged(ref, SourceStream.DIRECT_COSTS, since))) {
                CostUpdate cu;
                try {
                    cu = projectSystem.fetchCostUpdate(ref, CostUpdateKind.DIRECT_COST, id);
                } catch (NotFoundException ex) {
                    continue;
                }
                if (!inPeriod(cu.date())) {
                    continue;
                }
                if (isOurs(cu)) {
                    if (cu.originId() == null || !coveredOrigins.contains(cu.originId())) {
                        Money t = cu.total();
                        records.add(new RecordComparison(RecordStatus.PROJECT_ONLY, ReconciledFlow.COSTS, cu.ref().key(),
                                null, TargetKind.DIRECT_COST.name(), cu.ref().id(), projectId, cu.date(), t.currency(),
                                BigDecimal.ZERO, t.amount(), t.amount().negate(), "posted by the connector (origin id "
                                + cu.originId() + ") from a record that is not among the accounting records of " + period));
                        totals.addProject(projectId, ReconciledFlow.COSTS, split(cu.lines(), t));
                    }
                    continue;
                }
                compareChange(cu.ref(), null, cu.date(), projectId,
                        cu.voided() ? Money.zero(cu.total().currency()) : cu.total(),
                        cu.voided() ? Map.of() : split(cu.lines(), cu.total()));
            }
            scanPrimeChanges(ref, projectId);
        } catch (InvalidProjectException ex) {
            LOG.warn("connection {}: {} not read: {}", connectionId, ref, ex.getMessage());
        }
    }

    // ------------------------------------------------------------------ prime contract change orders

    /** Prime contract change orders dated in the month ↔ the fixed-price moves the ledger records for them. */
    private void scanPrimeChanges(ProjectRef ref, String projectId) {
        List<String> changed;
        try {
            changed = ids(projectSystem.listChanged(ref, SourceStream.PRIME_CHANGE_ORDERS, since));
        } catch (UnsupportedOperationException | IllegalArgumentException ex) {
            // a project-system port without this stream (it refuses an unknown stream so): the rest still reconciles
            LOG.warn("connection {}: prime contract change orders of {} not read: {}", connectionId, ref,
                    ex.getMessage());
            return;
        }
        for (String id : changed) {
            ChangeOrder co;
            try {
                co = projectSystem.fetchPrimeChangeOrder(ref, id);
            } catch (NotFoundException ex) {
                continue;
            }
            if (!inPeriod(co.date())) {
                continue;
            }
            boolean counts = co.approved() && !co.voided();
            comparePrimeChange(co, projectId, counts ? co.amount() : Money.zero(co.amount().currency()));
        }
    }

    private void comparePrimeChange(ChangeOrder co, String projectId, Money projectAmount) {
        String key = co.ref().key();
        LedgerEntry e = ledger.get(key);
        boolean written = e != null && (e.state() == LedgerState.POSTED || e.state() == LedgerState.REVERSED);
        if (projectAmount.isZero() && !written) {
            return;
        }
        Money zero = Money.zero(projectAmount.currency());
        String reason;
        RecordStatus status;
        Money accounting = zero;
        if (e != null && e.state() == LedgerState.FLAGGED) {
            status = RecordStatus.FLAGGED;
            String flagged = WaitingRecords.reasonOf(e);
            reason = flagged != null ? flagged : "flagged by the connector; waits for a fix and a replay";
        } else if (!written) {
            status = RecordStatus.PROJECT_ONLY;
            reason = e == null ? "not yet applied to the accounting project's fixed price"
                    : "applying it to the accounting project's fixed price is " + e.state().name().toLowerCase();
        } else if (e.attribute(ATTR_SKIPPED) != null) {
            status = RecordStatus.PROJECT_ONLY;
            reason = e.attribute(ATTR_SKIPPED);
        } else {
            String currency = e.attribute("currency") != null ? e.attribute("currency") : projectAmount.currency();
            accounting = e.attribute(ATTR_FIXED_PRICE_APPLIED) == null ? Money.zero(currency)
                    : new Money(new BigDecimal(e.attribute(ATTR_FIXED_PRICE_APPLIED)), currency);
            Comparison c = Comparison.of(accounting, projectAmount);
            status = c.status();
            reason = c.reason() != null ? c.reason() : "accounting amount per the ledger: the move of the fixed price of"
                    + " accounting project " + e.targetId() + " (the price holds it together with the rest)";
        }
        BigDecimal project = projectAmount.currency().equals(accounting.currency()) ? projectAmount.amount() : null;
        records.add(new RecordComparison(status, ReconciledFlow.OWNER_CHANGES, key, co.number(), FIXED_PRICE,
                e == null ? null : e.targetId(), projectId, co.date(), accounting.currency(), accounting.amount(), project,
                project == null ? null : accounting.amount().subtract(project), reason));
        Map<String, Money> projectSide = new LinkedHashMap<>();
        if (!projectAmount.isZero()) {
            projectSide.put(null, projectAmount);
        }
        Map<String, Money> accountingSide = new LinkedHashMap<>();
        if (!accounting.isZero()) {
            accountingSide.put(null, accounting);
        }
        totals.addProject(projectId, ReconciledFlow.OWNER_CHANGES, projectSide);
        totals.addAccounting(projectId, ReconciledFlow.OWNER_CHANGES, accountingSide);
    }

    // ------------------------------------------------------------------ budgets

    /**
     * The project's budget by cost code (summed over cost types, per currency) next to the month's accounting amounts
     * of the cost code; cost codes with accounting amounts but no budget line are listed with a zero budget when the
     * project has a budget at all.
     */
    private List<CostCodeBudgetLine> budgetLines(String projectId, String projectName) {
        ProjectRef ref;
        try {
            ref = new ProjectRef(projectSystem.companyId(), Long.parseLong(projectId));
        } catch (IllegalArgumentException ex) {
            return List.of();
        }
        List<CostCodeBudget> budgets;
        try {
            budgets = projectSystem.listCostCodeBudgets(ref);
        } catch (InvalidProjectException | UnsupportedOperationException ex) {
            LOG.warn("connection {}: budget of {} not read: {}", connectionId, ref, ex.getMessage());
            return List.of();
        } catch (ConnectorException ex) {
            // budgets only inform the report (e.g. the service account may lack budget permission): the costs and
            // changes reconciled above stand without them
            LOG.warn("connection {}: budget of {} could not be read, the report shows no budget lines for it: {}",
                    connectionId, ref, ex.toString());
            return List.of();
        }
        if (budgets.isEmpty()) {
            return List.of();
        }
        record Key(String costCode, String currency) {
        }
        Map<Key, BigDecimal[]> sums = new LinkedHashMap<>(); // original, approved changes, revised (null = unknown)
        for (CostCodeBudget b : budgets) {
            BigDecimal[] s = sums.computeIfAbsent(new Key(b.costCode(), b.revised().currency()),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0] == null || b.original() == null ? null : s[0].add(b.original().amount());
            s[1] = s[1] == null || b.approvedChanges() == null ? null : s[1].add(b.approvedChanges().amount());
            s[2] = s[2].add(b.revised().amount());
        }
        Map<String, Map<String, BigDecimal>> actuals = totals.accountingByCostCode(projectId,
                Set.of(ReconciledFlow.COSTS, ReconciledFlow.CHANGES));
        actuals.forEach((code, byCurrency) -> byCurrency.forEach((currency, amount) ->
                sums.computeIfAbsent(new Key(code, currency),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO})));
        List<CostCodeBudgetLine> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new CostCodeBudgetLine(projectId, projectName, k.costCode(), k.currency(), s[0],
                s[1], s[2], actuals.getOrDefault(k.costCode(), Map.of()).getOrDefault(k.currency(), BigDecimal.ZERO))));
        return out;
    }

    private boolean isOurs(CostUpdate cu) {
        if (cu.sourceApplicationId() != null && cu.sourceApplicationId().equals(projectSystem.applicationId())) {
            return true;
        }
        if (cu.originId() != null && (coveredOrigins.contains(cu.originId()) || ledgerOrigins.contains(cu.originId()))) {
            return true;
        }
        LedgerEntry guard = ledger.get(cu.ref().key());
        return guard != null && guard.kind() == TargetKind.SOURCE;
    }

    private void compareChange(ExternalRef ref, String number, LocalDate date, String projectId, Money projectAmount,
                               Map<String, Money> projectSplit) {
        String key = ref.key();
        LedgerEntry e = ledger.get(key);
        boolean written = e != null && (e.state() == LedgerState.POSTED || e.state() == LedgerState.REVERSED);
        if (projectAmount.isZero() && !written) {
            return;
        }
        if (e != null && e.state() == LedgerState.FLAGGED) {
            String reason = WaitingRecords.reasonOf(e);
            changeRecord(RecordStatus.FLAGGED, key, number, date, projectId, Money.zero(projectAmount.currency()),
                    projectAmount, null, reason != null ? reason : "flagged by the connector; waits for a fix and a replay");
            totals.addProject(projectId, ReconciledFlow.CHANGES, projectSplit);
            return;
        }
        if (!written) {
            changeRecord(RecordStatus.PROJECT_ONLY, key, number, date, projectId, Money.zero(projectAmount.currency()),
                    projectAmount, null, e == null ? "not yet written to the accounting system"
                            : "writing to the accounting system is " + e.state().name().toLowerCase());
            totals.addProject(projectId, ReconciledFlow.CHANGES, projectSplit);
            return;
        }
        AccountingAmount acc = e.state() == LedgerState.REVERSED
                ? new AccountingAmount(Money.zero(projectAmount.currency()), null)
                : accountingAmountOf(e, projectAmount.currency());
        Comparison c = Comparison.of(acc.amount(), projectAmount);
        String reason = c.reason() != null ? c.reason() : acc.note();
        changeRecord(c.status(), key, number, date, projectId, acc.amount(), c.projectAmount() == null ? null : projectAmount,
                e.targetId(), reason);
        Map<String, Money> accSplit = new LinkedHashMap<>();
        if (c.status() == RecordStatus.MATCHED) {
            accSplit.putAll(projectSplit);
        } else if (!acc.amount().isZero()) {
            accSplit.put(null, acc.amount());
        }
        totals.addAccounting(projectId, ReconciledFlow.CHANGES, accSplit);
        totals.addProject(projectId, ReconciledFlow.CHANGES, projectSplit);
    }

    private void changeRecord(RecordStatus status, String key, String number, LocalDate date, String projectId,
                              Money accountingAmount, Money projectAmount, String targetId, String reason) {
        BigDecimal project = projectAmount == null ? null : projectAmount.amount();
        BigDecimal difference = project == null ? null : accountingAmount.amount().subtract(project);
        records.add(new RecordComparison(status, ReconciledFlow.CHANGES, key, number, EXPENSE, targetId, projectId, date,
                accountingAmount.currency(), accountingAmount.amount(), project, difference, reason));
    }

    /** An accounting amount and how it was found. */
    private record AccountingAmount(Money amount, String note) {
    }

    private AccountingAmount accountingAmountOf(LedgerEntry e, String currency) {
        String markers = e.attribute("markers") != null ? e.attribute("markers") : e.attribute("marker");
        if (markers != null && !markers.isBlank()) {
            Money sum = null;
            List<String> missing = new ArrayList<>();
            for (String marker : markers.split(",")) {
                Optional<ExpenseEntry> found = accounting.findExpenseByMarker(marker.trim(), null);
                if (found.isPresent() && found.get().amount() != null) {
                    sum = sum == null ? found.get().amount() : sum.plus(found.get().amount());
                } else {
                    missing.add(marker.trim());
                }
            }
            String note = missing.isEmpty() ? null : "no accounting expense carries marker " + String.join(", ", missing);
            return new AccountingAmount(sum != null ? sum : Money.zero(currency), note);
        }
        if (e.attribute("total") != null) {
            String cur = e.attribute("currency") != null ? e.attribute("currency") : currency;
            return new AccountingAmount(new Money(new BigDecimal(e.attribute("total")), cur),
                    "accounting amount per the ledger (no expense marker recorded)");
        }
        return new AccountingAmount(Money.zero(currency), "the ledger records neither a marker nor an amount");
    }

    // ------------------------------------------------------------------ helpers

    private List<SourceDocument> documents(SourceStream stream, Function<String, SourceDocument> fetch) {
        List<SourceDocument> out = new ArrayList<>();
        for (String id : ids(accounting.listChanged(stream, since), true)) {
            try {
                SourceDocument d = fetch.apply(id);
                if (inPeriod(d.issueDate())) {
                    out.add(d);
                }
            } catch (NotFoundException ex) {
                LOG.debug("{} {} listed as changed but not found", stream, id);
            }
        }
        return out;
    }

    private List<PaymentRecord> payments(SourceStream stream, Function<String, PaymentRecord> fetch) {
        List<PaymentRecord> out = new ArrayList<>();
        for (String id : ids(accounting.listChanged(stream, since), true)) {
            try {
                PaymentRecord p = fetch.apply(id);
                if (inPeriod(p.date())) {
                    out.add(p);
                }
            } catch (NotFoundException ex) {
                LOG.debug("{} {} listed as changed but not found", stream, id);
            }
        }
        return out;
    }

    /**
     * Distinct ids of a project-side change listing, in first-seen order; deletions are skipped (the project system
     * no longer returns them).
     */
    private static List<String> ids(List<ChangedRecord> changed) {
        return ids(changed, false);
    }

    /**
     * Distinct ids of a change listing, in first-seen order. Accounting-side deletions are kept: the accounting system
     * still returns a deleted record (marked deleted), and a deleted source with a live target is a difference.
     */
    private static List<String> ids(List<ChangedRecord> changed, boolean keepDeleted) {
        Set<String> ids = new LinkedHashSet<>();
        for (ChangedRecord c : changed) {
            if (keepDeleted || !c.deleted()) {
                ids.add(c.ref().id());
            }
        }
        return new ArrayList<>(ids);
    }

    private boolean inPeriod(LocalDate d) {
        return d != null && !d.isBefore(from) && !d.isAfter(to);
    }

    private static String ledgerProject(LedgerEntry e) {
        return e == null ? null : e.attribute("projectId");
    }

    private ProjectRef projectRef(LedgerEntry e, String projectId) {
        if (projectId == null) {
            return null;
        }
        try {
            long company = e != null && e.attribute("companyId") != null ? Long.parseLong(e.attribute("companyId"))
                    : projectSystem.companyId();
            return new ProjectRef(company, Long.parseLong(projectId));
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static List<TargetKind> kindsOf(LedgerEntry e, List<TargetKind> defaults) {
        TargetKind kind = e == null ? null : e.kind();
        return kind != null && kind.isProjectObject() ? List.of(kind) : defaults;
    }

    private String originOf(LedgerEntry e, ExternalRef ref) {
        String fromLedger = e == null ? null : e.attribute("originId");
        return fromLedger != null ? fromLedger : originIds.apply(ref);
    }

    private static Map<String, Money> split(List<ChangeOrderLine> lines, Money total) {
        Map<String, Money> out = new LinkedHashMap<>();
        Money sum = null;
        for (ChangeOrderLine l : lines) {
            out.merge(l.costCode(), l.amount(), Money::plus);
            sum = sum == null ? l.amount() : sum.plus(l.amount());
        }
        if (total != null) {
            Money rest = sum == null ? total : total.minus(sum);
            if (!rest.isZero()) {
                out.merge(null, rest, Money::plus);
            }
        }
        return out;
    }

    private static Money sum(Iterable<Money> amounts, String currency) {
        Money total = Money.zero(currency);
        for (Money m : amounts) {
            total = total.plus(m);
        }
        return total;
    }
}
