package io.mlconnector.benchmarks.alignment;

import io.mlconnector.benchmarks.Suite;
import io.mlconnector.benchmarks.report.Figure;
import io.mlconnector.benchmarks.report.Heap;
import io.mlconnector.benchmarks.report.Numbers;
import io.mlconnector.benchmarks.world.CallCounts;
import io.mlconnector.benchmarks.world.SandboxWorld;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.alignment.AlignmentPolicy;
import io.mlconnector.core.sync.alignment.AlignmentReport;
import io.mlconnector.core.sync.alignment.KindAlignment;
import io.mlconnector.core.sync.alignment.VendorCreationSide;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 4: first-sync alignment ({@code SyncEngine.alignReferenceData}) of 10,000 vendors and 2,000 cost codes
 * per side, nothing mapped beforehand. Vendors: 9,000 names on both sides (the Procore copy with an "Inc." suffix,
 * which the name normaliser folds away), 1,000 only in FreshBooks (created in Procore by the batched vendor sync,
 * 1,000 per call) and 1,000 only in Procore (left unmatched). Cost codes: 2,000 on the Procore project "Tower" and
 * 2,000 FreshBooks expense categories of the same names; the projects "Tower" match by name. Name matches are
 * confirmed automatically. Reports calls per side, wall time, heap retained by the mappings written (in-memory
 * mapping store) and bytes allocated by the aligning thread. Both sandboxes run in the same JVM, so wall time includes
 * their work on the same two cores.
 */
public final class AlignmentSuite implements Suite {
    private static final int VENDORS = Integer.getInteger("bench.alignment.vendors", 10_000);
    private static final int COST_CODES = Integer.getInteger("bench.alignment.costCodes", 2_000);

    @Override
    public String name() {
        return "alignment";
    }

    @Override
    public String description() {
        return "first-sync alignment of " + VENDORS + " vendors and " + COST_CODES + " cost codes per side";
    }

    @Override
    public List<Figure> run() {
        int common = VENDORS * 9 / 10;
        int onlyOne = VENDORS - common;
        try (SandboxWorld w = SandboxWorld.builder().suppliers(0).costCodes(0).mapReferenceData(false)
                .hourlyLimit(1_000_000).start()) {
            FreshBooksSandbox fb = w.freshBooks();
            ProcoreSandbox pc = w.procore();
            long company = w.company().id();
            for (int i = 0; i < common; i++) {
                fb.seed().billVendor(String.format("Vendor %05d", i));
                pc.seed().vendor(company, String.format("Vendor %05d Inc.", i));
            }
            for (int i = 0; i < onlyOne; i++) {
                fb.seed().billVendor(String.format("Books-only Vendor %05d", i));
                pc.seed().vendor(company, String.format("Field-only Vendor %05d", i));
            }
            for (int i = 0; i < COST_CODES; i++) {
                String full = String.format("%02d-%03d", 1 + i / 100, 100 + i % 100);
                pc.seed().costCode(w.tower().id(), full, "Work " + full);
                fb.seed().expenseCategory("Work " + full);
            }
            AlignmentPolicy ap = AlignmentPolicy.defaults().withAutoConfirmNameMatches(true)
                    .withCreateMissingVendorsIn(VendorCreationSide.PROJECT_SYSTEM).withBatchSize(1000);
            SyncPolicy policy = SandboxWorld.policy(1).toBuilder().alignment(ap).build();
            SyncEngine engine = w.engine(policy, 1);
            // the Procore token and the company's project list, as any first call would fetch them
            w.procoreClient().tokens().token();
            w.clearCounts();
            long before = Heap.retained();
            long allocated0 = Heap.allocatedByThisThread();
            long t0 = System.nanoTime();
            AlignmentReport report = engine.alignReferenceData(SandboxWorld.CONNECTION);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long allocated = Heap.allocatedByThisThread() - allocated0;
            CallCounts f = w.freshBooksCalls();
            CallCounts p = w.procoreCalls();
            long after = Heap.retained();
            List<Figure> out = new ArrayList<>();
            String scope = Numbers.count(VENDORS) + " vendors + " + Numbers.count(COST_CODES) + " cost codes per side";
            out.add(new Figure(name(), "first-sync alignment, " + scope + ": FreshBooks calls",
                    Numbers.count(f.apiCalls()), "calls", "", "reads " + f.reads() + ", writes " + f.writes()
                    + "; " + f.describe()));
            out.add(new Figure(name(), "first-sync alignment, " + scope + ": Procore calls",
                    Numbers.count(p.apiCalls()), "calls", "", "reads " + p.reads() + ", writes " + p.writes()
                    + " (+" + p.tokens() + " token); " + p.describe()));
            out.add(new Figure(name(), "first-sync alignment, " + scope + ": wall time", Numbers.fixed(seconds, 1),
                    "s", "", "vendors " + describe(report.vendors()) + "; projects " + describe(report.projects())
                    + "; GL accounts " + describe(report.glAccounts())));
            out.add(new Figure(name(), "first-sync alignment, " + scope + ": heap", Numbers.mib(after - before)
                    + " retained / " + Numbers.mib(allocated) + " allocated", "MiB", "",
                    "retained = used heap after full GC, after minus before (the mappings written, in-memory store, "
                            + "and the clients' caches); allocated = bytes allocated by the aligning thread"));
            return out;
        }
    }

    private static String describe(KindAlignment k) {
        return k.matched().size() + " matched / " + k.suggested().size() + " suggested / " + k.created().size()
                + " created / " + k.unmatched().size() + " unmatched";
    }
}
