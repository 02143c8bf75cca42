package io.mlconnector.benchmarks.calls;

import io.mlconnector.benchmarks.Suite;
import io.mlconnector.benchmarks.report.Figure;
import io.mlconnector.benchmarks.report.Numbers;
import io.mlconnector.benchmarks.world.CallCounts;
import io.mlconnector.benchmarks.world.Outcomes;
import io.mlconnector.benchmarks.world.SandboxWorld;
import io.mlconnector.benchmarks.world.SandboxWorld.VendorPair;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.sync.RunSummary;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.testkit.procore.CostCode;
import io.mlconnector.testkit.procore.SovLine;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Figure 2: API calls per synced record, per system, counted from the sandboxes' request logs (token requests
 * apart). Reference data is warm: one record is synced first (token, project list, commitment lists, WBS codes,
 * billing period), then the logs are cleared and the measured records are delivered by webhook (in process) and
 * drained. Three runs: 1,000 bills from vendors without a commitment (direct costs); 1,000 bills from subcontractors
 * (requisitions), half with the vendor's commitment already cached and half not; 1,000 approved Procore change order
 * packages going the other way (FreshBooks expenses + project budget); and 1,000 approved Procore direct costs going
 * the other way (FreshBooks expenses).
 */
public final class ApiCallsSuite implements Suite {
    private static final int RECORDS = Integer.getInteger("bench.calls.records", 1000);
    private static final int WORKERS = 4;
    private static final int SIZE_RECORDS = Integer.getInteger("bench.calls.sizeRecords", 200);
    private static final int[] PROJECT_SIZES = {100, 1_000, 10_000};

    @Override
    public String name() {
        return "calls";
    }

    @Override
    public String description() {
        return "API calls per synced record (bills → Procore, change orders → FreshBooks) against the sandboxes";
    }

    @Override
    public List<Figure> run() {
        List<Figure> out = new ArrayList<>();
        out.addAll(directCosts());
        out.addAll(requisitions());
        out.addAll(changeOrders());
        out.addAll(procoreDirectCosts());
        for (int size : PROJECT_SIZES) {
            out.addAll(projectSize(size));
        }
        return out;
    }

    /**
     * Calls per record as a project's books grow: the FreshBooks project already holds {@code expenses} expenses
     * (entered by people, spread over categories and dates) before {@code bench.calls.sizeRecords} change orders and
     * as many Procore direct costs are synced into it.
     */
    private List<Figure> projectSize(int expenses) {
        try (SandboxWorld w = SandboxWorld.builder().suppliers(1).subcontractors(1).costCodes(5)
                .hourlyLimit(1_000_000).start()) {
            long hand = w.freshBooks().seed().expenseCategory("Entered by hand").id();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int i = 0; i < expenses; i++) {
                w.freshBooks().seed().expense(hand, new java.math.BigDecimal(100 + i % 900), today.minusDays(i % 365),
                        w.freshBooksProject(), "hand-entered " + i);
            }
            SyncEngine engine = w.engine(WORKERS);
            long contract = w.subcontractors().get(0).commitmentId();
            long vendor = w.suppliers().get(0).procoreId();
            List<CostCode> codes = w.costCodes();
            List<Long> packages = new ArrayList<>();
            List<Long> costs = new ArrayList<>();
            for (int i = 0; i <= SIZE_RECORDS; i++) {
                CostCode cc = codes.get(i % codes.size());
                packages.add(w.procore().seed().changeOrderPackage(w.tower().id(), contract, "CO " + (i + 1),
                        "approved", SovLine.of(cc.id(), w.materials().id(), "Extra work " + (i + 1),
                                (500 + i) + ".00")).id());
                costs.add(w.procore().seed().directCost(w.tower().id(), Map.of("direct_cost_type", "expense",
                        "status", "approved", "vendor_id", vendor, "direct_cost_date", today.toString(),
                        "description", "Site expense " + (i + 1), "line_items", List.of(Map.of(
                                "cost_code_id", cc.id(), "line_item_type_id", w.materials().id(),
                                "amount", (250 + i) + ".00", "description", "Rental " + (i + 1))))).id());
            }
            String label = "project holding " + Numbers.count(expenses) + " expenses";
            Phase coWarm = phase(w, engine, packages.subList(0, 1), w::changeOrderUpdated);
            Phase co = phase(w, engine, packages.subList(1, packages.size()), w::changeOrderUpdated);
            Phase dcWarm = phase(w, engine, costs.subList(0, 1), w::directCostUpdated);
            Phase dc = phase(w, engine, costs.subList(1, costs.size()), w::directCostUpdated);
            List<Figure> out = new ArrayList<>(figures("change order → FreshBooks expense, " + label, "change order",
                    co, coWarm, AuditOutcome.POSTED, "flat: ≤ 3 Procore reads + 1 FreshBooks write"));
            out.addAll(figures("Procore direct cost → FreshBooks expense, " + label, "direct cost", dc, dcWarm,
                    AuditOutcome.POSTED, "flat: 1 Procore read + 1 FreshBooks write"));
            return out;
        }
    }

    private List<Figure> directCosts() {
        try (SandboxWorld w = SandboxWorld.builder().suppliers(20).costCodes(5).hourlyLimit(1_000_000).start()) {
            SyncEngine engine = w.engine(WORKERS);
            List<Long> bills = w.seedBills(RECORDS + 1, w.suppliers(), 2);
            Phase warm = phase(w, engine, bills.subList(0, 1), w::billCreated);
            Phase measured = phase(w, engine, bills.subList(1, bills.size()), w::billCreated);
            return figures("bill → direct cost", "bill", measured, warm, AuditOutcome.POSTED,
                    "≤ 1 FreshBooks read + 1 Procore write per bill");
        }
    }

    private List<Figure> requisitions() {
        int half = RECORDS / 2;
        try (SandboxWorld w = SandboxWorld.builder().suppliers(0).subcontractors(RECORDS + 1).costCodes(5)
                .hourlyLimit(1_000_000).start()) {
            SyncEngine engine = w.engine(WORKERS);
            List<VendorPair> subs = w.subcontractors();
            List<Long> bills = w.seedBills(RECORDS + 1, subs, 2);
            Phase warm = phase(w, engine, bills.subList(0, 1), w::billCreated);
            // commitments of the first half already cached, as after an earlier bill of the same vendor
            ProjectRef tower = new ProjectRef(w.company().id(), w.tower().id());
            for (VendorPair v : subs.subList(1, 1 + half)) {
                w.projects().findCommitment(tower, Long.toString(v.procoreId()));
            }
            Phase cached = phase(w, engine, bills.subList(1, 1 + half), w::billCreated);
            Phase cold = phase(w, engine, bills.subList(1 + half, bills.size()), w::billCreated);
            List<Figure> out = new ArrayList<>(figures("bill → requisition, commitment cached", "bill", cached, warm,
                    AuditOutcome.POSTED, "≤ 1 FreshBooks read + 1 Procore write per bill"));
            out.addAll(figures("bill → requisition, commitment not cached", "bill", cold, null, AuditOutcome.POSTED,
                    ""));
            return out;
        }
    }

    private List<Figure> changeOrders() {
        try (SandboxWorld w = SandboxWorld.builder().suppliers(0).subcontractors(1).costCodes(5)
                .hourlyLimit(1_000_000).start()) {
            SyncEngine engine = w.engine(WORKERS);
            long contract = w.subcontractors().get(0).commitmentId();
            List<CostCode> codes = w.costCodes();
            List<Long> packages = new ArrayList<>();
            for (int i = 0; i <= RECORDS; i++) {
                CostCode cc = codes.get(i % codes.size());
                packages.add(w.procore().seed().changeOrderPackage(w.tower().id(), contract, "CO " + (i + 1),
                        "approved", SovLine.of(cc.id(), w.materials().id(), "Extra work " + (i + 1),
                                (500 + i) + ".00")).id());
            }
            Phase warm = phase(w, engine, packages.subList(0, 1), w::changeOrderUpdated);
            Phase measured = phase(w, engine, packages.subList(1, packages.size()), w::changeOrderUpdated);
            return figures("change order → FreshBooks expense", "change order", measured, warm,
                    AuditOutcome.POSTED, "the same figure as bills, in reverse");
        }
    }

    private List<Figure> procoreDirectCosts() {
        try (SandboxWorld w = SandboxWorld.builder().suppliers(1).costCodes(5).hourlyLimit(1_000_000).start()) {
            SyncEngine engine = w.engine(WORKERS);
            long vendor = w.suppliers().get(0).procoreId();
            List<CostCode> codes = w.costCodes();
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            List<Long> costs = new ArrayList<>();
            for (int i = 0; i <= RECORDS; i++) {
                CostCode cc = codes.get(i % codes.size());
                costs.add(w.procore().seed().directCost(w.tower().id(), Map.of("direct_cost_type", "expense",
                        "status", "approved", "vendor_id", vendor, "direct_cost_date", today,
                        "description", "Site expense " + (i + 1), "line_items", List.of(Map.of(
                                "cost_code_id", cc.id(), "line_item_type_id", w.materials().id(),
                                "amount", (250 + i) + ".00", "description", "Rental " + (i + 1))))).id());
            }
            Phase warm = phase(w, engine, costs.subList(0, 1), w::directCostUpdated);
            Phase measured = phase(w, engine, costs.subList(1, costs.size()), w::directCostUpdated);
            return figures("Procore direct cost → FreshBooks expense", "direct cost", measured, warm,
                    AuditOutcome.POSTED, "");
        }
    }

    /** What one batch of deliveries cost. */
    private record Phase(int records, CallCounts freshBooks, CallCounts procore, int accepted, RunSummary summary,
                         Map<AuditOutcome, Integer> outcomes, List<String> otherReasons, double seconds) {
    }

    private static Phase phase(SandboxWorld w, SyncEngine engine, List<Long> ids, LongFunction<WebhookRequest> delivery) {
        w.clearCounts();
        Outcomes outcomes = Outcomes.since(w.audit());
        long t0 = System.nanoTime();
        int accepted = 0;
        for (long id : ids) {
            WebhookResponse r = deliver(engine, delivery.apply(id));
            if (r.accepted()) {
                accepted++;
            }
        }
        RunSummary s = engine.drain();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Phase(ids.size(), w.freshBooksCalls(), w.procoreCalls(), accepted, s, outcomes.counts(),
                outcomes.otherReasons(2, AuditOutcome.POSTED, AuditOutcome.WEBHOOK_ACCEPTED), seconds);
    }

    private static WebhookResponse deliver(SyncEngine engine, WebhookRequest request) {
        String type = request.header("Content-Type").orElse("");
        return type.contains("json") ? engine.onProcoreWebhook(request) : engine.onFreshBooksWebhook(request);
    }

    private List<Figure> figures(String flow, String unit, Phase p, Phase warm, AuditOutcome expected, String target) {
        int ok = p.outcomes().getOrDefault(expected, 0);
        String check = (ok < p.records() ? "NOT REPRESENTATIVE, only " : "") + Numbers.count(ok) + " of "
                + Numbers.count(p.records()) + " " + expected
                + (p.accepted() < p.records() ? " (" + p.accepted() + " deliveries accepted)" : "");
        List<String> other = p.otherReasons();
        if (!other.isEmpty()) {
            check += "; other outcomes e.g. " + String.join(" | ", other);
        }
        String warmNote = warm == null ? "" : "; warm-up record: FreshBooks " + warm.freshBooks().apiCalls()
                + " calls, Procore " + warm.procore().apiCalls() + " calls + " + warm.procore().tokens() + " token";
        List<Figure> out = new ArrayList<>();
        out.add(new Figure(name(), flow + ": FreshBooks calls per " + unit,
                perRecord(p.freshBooks(), p.records()), "calls/" + unit.replace(' ', '_'), target,
                check + " in " + Numbers.fixed(p.seconds(), 1) + " s; " + p.freshBooks().describe()));
        out.add(new Figure(name(), flow + ": Procore calls per " + unit,
                perRecord(p.procore(), p.records()), "calls/" + unit.replace(' ', '_'), target,
                p.procore().describe() + warmNote));
        out.add(new Figure(name(), flow + ": token requests over " + Numbers.count(p.records()) + " records",
                "FreshBooks " + p.freshBooks().tokens() + ", Procore " + p.procore().tokens(), "", "0 (tokens reused)",
                "429s: " + (p.freshBooks().status429() + p.procore().status429()) + ", 401s: "
                        + (p.freshBooks().status401() + p.procore().status401())));
        return out;
    }

    private static String perRecord(CallCounts c, int records) {
        return Numbers.fixed((double) c.apiCalls() / records, 3) + " (" + Numbers.fixed((double) c.reads() / records, 3)
                + " read + " + Numbers.fixed((double) c.writes() / records, 3) + " write)";
    }
}
