package io.mlconnector.examples.demo;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.alignment.AlignmentReport;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import io.mlconnector.core.audit.JsonLinesFileAuditSink;
import io.mlconnector.testkit.freshbooks.Bill;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.Expense;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.procore.DirectCost;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.Requisition;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.server.DeliveryOutcome;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one-command demo ({@code mvn -B -q -pl connector-examples -am package -DskipTests exec:java}): a month at
 * Harbor Point Builders, end to end, on loopback, in a few seconds, with no credentials.
 *
 * <ol>
 *   <li>Starts the FreshBooks and Procore sandboxes and seeds the contractor ({@link DemoContractor}), then starts
 *       the example host wired to them with the real clients, an encrypted credential store and the mapping file.</li>
 *   <li>First-sync alignment: vendors and projects matched by name; Lone Pine Framing stays unmatched.</li>
 *   <li>Registers webhooks (FreshBooks handshake confirmed by the engine; a Procore hook with our secret header).</li>
 *   <li>Enters four bills in FreshBooks; their webhooks reach the host and are queued; the engine posts requisitions
 *       on the commitments, a direct cost for the vendor without one, and flags Lone Pine's bill (nothing posted).</li>
 *   <li>A fifth bill's webhook is dropped by the sandbox; the poller finds it.</li>
 *   <li>A change order is approved in Procore; its webhook flows it back as a FreshBooks expense plus a budget
 *       increase. The echo of our own direct cost is recognised and skipped.</li>
 *   <li>Month-end reconciliation, then a summary. Exits 0 only when the systems' end state is the expected one.</li>
 * </ol>
 */
public final class Demo {
    /** The prime contract change order the owner approves during the demo. */
    static final String PRIME_CHANGE_ORDER_TITLE = "PCCO-001 Lobby finish upgrade";

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(NO_DELAY) == null) {
            // the JDK HttpServer (sandboxes and host) otherwise waits for delayed ACKs: ~40 ms per answer on loopback
            System.setProperty(NO_DELAY, "true");
        }
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn"); // the summary tells the story; the audit log has every event
        }
        long started = System.nanoTime();
        DemoResult result = run(System.out);
        System.out.println();
        System.out.print(DemoSummary.render(result));
        System.out.printf("Ran in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        if (!result.reachedExpectedEndState()) {
            throw new DemoFailedException(result.problems());
        }
    }

    /**
     * Runs the demo with a fresh environment whose data directory (audit log) is kept, narrating to {@code out}.
     */
    public static DemoResult run(PrintStream out) throws InterruptedException {
        try (DemoEnvironment env = DemoEnvironment.builder().keepDataDir(true).build()) {
            return run(env, out);
        }
    }

    /** Runs the demo's story in an environment that has not been aligned or had webhooks registered yet. */
    public static DemoResult run(DemoEnvironment env, PrintStream out) throws InterruptedException {
        Objects.requireNonNull(env, "env");
        FreshBooksSandbox fb = env.freshBooks();
        ProcoreSandbox pc = env.procore();
        DemoContractor c = env.contractor();
        SyncEngine engine = env.runtime().engine();
        String conn = env.runtime().connectionId();
        WebhookTally tally = env.tally();

        out.println("ml-connector demo: FreshBooks sandbox " + fb.baseUrl() + ", Procore sandbox " + pc.baseUrl()
                + ", host " + env.host().baseUrl());
        out.println("1. seeded " + c.company().name() + ": 2 projects, 4 cost codes each, 3 commitments, a prime "
                + "contract, 4 FreshBooks vendors (one without a Procore counterpart)");

        AlignmentReport alignment = env.align();
        out.println("2. first-sync alignment: vendors " + alignment.vendors().matched().size() + " matched, "
                + alignment.vendors().unmatched().size() + " unmatched; projects "
                + alignment.projects().matched().size() + " matched");

        env.registerWebhooks();
        out.println("3. webhooks registered: FreshBooks callback confirmed through its handshake, Procore hook with "
                + "our secret header");

        var act = fb.act();
        Bill rebar = act.bill(c.fbRebar().id(), env.today(), "INV-88412", List.of(
                BillLine.of(c.concrete().id(), "Ready-mix 4000 psi, 112 cy", "112", "164.50"),
                BillLine.of(c.concrete().id(), "Rebar #5 grade 60, 6.2 t", "6.2", "1380.00")));
        Bill electrical = act.bill(c.fbBrightSpark().id(), env.today(), "BSE-2031", List.of(
                BillLine.of(c.electrical().id(), "Rough-in, level 3", "1", "14250.00")));
        Bill equipment = act.bill(c.fbCascade().id(), env.today(), "CER-5529", List.of(
                BillLine.of(c.equipment().id(), "Telehandler rental, 2 weeks", "2", "1637.70")));
        Bill framing = act.bill(c.fbLonePine().id(), env.today(), "LPF-117", List.of(
                BillLine.of(c.carpentry().id(), "Framing crew, week 21", "1", "6800.00")));
        tally.await("freshbooks", "queued", 4, DemoEnvironment.WEBHOOK_WAIT);
        engine.drain();
        out.println("4. four bills entered in FreshBooks; webhooks queued and processed");

        fb.webhookFaults().dropNext(1);
        Bill late = act.bill(c.fbCascade().id(), env.today(), "CER-5561", List.of(
                BillLine.of(c.equipment().id(), "Scissor lift, 1 week", "1", "685.00"),
                BillLine.of(c.equipment().id(), "Delivery and pickup", "1", "140.00")));
        engine.pollOnce(conn);
        engine.drain();
        out.println("5. bill " + late.billNumber() + "'s webhook was dropped; after a poll Procore holds "
                + pc.directCosts(c.harborTower().id()).stream()
                        .filter(d -> env.originId("bill", late.id()).equals(d.originId())).count()
                + " direct cost for it");

        pc.approveChangeOrder(c.slabChangeOrder().id());
        tally.await("procore", "queued", 1, DemoEnvironment.WEBHOOK_WAIT);
        engine.drain();
        tally.await("procore", "echo", 1, DemoEnvironment.WEBHOOK_WAIT); // our direct costs, announced back to us
        out.println("6. change order " + c.slabChangeOrder().title() + " approved in Procore; FreshBooks now holds "
                + fb.expenses().size() + " expense(s); Harbor Tower's budget is still "
                + fb.project(c.fbHarborTower().id()).map(p -> p.budget()).orElse("?") + " hours");

        pc.seed().primeChangeOrder(c.harborTower().id(), c.primeContract().id(), PRIME_CHANGE_ORDER_TITLE, "approved",
                SovLine.of(c.concreteCode().id(), c.materials().id(), "Lobby finish upgrade",
                        DemoContractor.PRIME_CHANGE_ORDER_AMOUNT.toPlainString()));
        engine.pollOnce(conn);
        engine.drain();
        out.println("7. prime contract change order '" + PRIME_CHANGE_ORDER_TITLE + "' approved in Procore; the poller "
                + "moved Harbor Tower's FreshBooks fixed price to "
                + fb.project(c.fbHarborTower().id()).map(p -> p.fixedPrice()).orElse("?"));

        ReconciliationReport reconciliation = env.runtime().reconcile(YearMonth.from(env.today()));
        out.println("8. month-end reconciliation of " + reconciliation.period() + " done");

        return collect(env, alignment, List.of(rebar, electrical, equipment, framing, late), late, reconciliation);
    }

    // ------------------------------------------------------------------ reading the end state back

    private static DemoResult collect(DemoEnvironment env, AlignmentReport alignment, List<Bill> bills, Bill late,
                                      ReconciliationReport reconciliation) {
        FreshBooksSandbox fb = env.freshBooks();
        ProcoreSandbox pc = env.procore();
        DemoContractor c = env.contractor();
        Map<String, Bill> byOrigin = new LinkedHashMap<>();
        bills.forEach(b -> byOrigin.put(env.originId("bill", b.id()), b));

        List<DemoResult.Posting> postings = new ArrayList<>();
        for (var project : List.of(c.harborTower(), c.riverside())) {
            for (Requisition r : pc.requisitions(project.id())) {
                Bill b = byOrigin.get(r.originId());
                String commitment = pc.commitments(project.id()).stream().filter(k -> k.id() == r.commitmentId())
                        .findFirst().map(k -> k.title()).orElse("commitment " + r.commitmentId());
                postings.add(new DemoResult.Posting(label(b, r.originId()), "requisition",
                        "requisition #" + r.number() + " on " + commitment + " (" + project.name() + ")",
                        r.totalClaimed()));
            }
            for (DirectCost d : pc.directCosts(project.id())) {
                Bill b = byOrigin.get(d.originId());
                postings.add(new DemoResult.Posting(label(b, d.originId()), "direct cost",
                        "direct cost " + d.id() + " (" + d.type() + ", " + project.name() + ")", d.grandTotal()));
            }
        }
        for (Expense e : fb.expenses()) {
            String category = fb.expenseCategories().stream().filter(x -> x.id() == e.categoryId()).findFirst()
                    .map(x -> x.name()).orElse("category " + e.categoryId());
            String project = fb.project(e.projectId()).map(p -> p.title()).orElse("no project");
            postings.add(new DemoResult.Posting("procore:change_order_package:" + c.slabChangeOrder().id() + " ("
                    + c.slabChangeOrder().title() + ")", "expense", "FreshBooks expense " + e.id() + " under '"
                    + category + "' on " + project, e.amount()));
        }

        List<AuditEvent> audit = JsonLinesFileAuditSink.readAll(env.runtime().auditFile().file());
        List<DemoResult.Flagged> flagged = new ArrayList<>();
        Map<String, AuditEvent> lastFlag = new LinkedHashMap<>();
        audit.stream().filter(e -> e.outcome().isFlag() && e.sourceRef() != null)
                .forEach(e -> lastFlag.put(e.sourceRef(), e));
        lastFlag.values().forEach(e -> flagged.add(new DemoResult.Flagged(labelOf(e.sourceRef(), bills),
                e.outcome().name(), e.reason())));
        int echoes = (int) audit.stream().filter(e -> e.outcome() == AuditOutcome.SKIPPED_ECHO).count();

        boolean dropped = fb.webhookDeliveries().stream().anyMatch(d -> d.outcome() == DeliveryOutcome.DROPPED
                && d.requestBody().contains("object_id=" + late.id() + "&"));
        List<String> caught = dropped && byOrigin.containsKey(env.originId("bill", late.id()))
                && postings.stream().anyMatch(p -> p.source().startsWith("freshbooks:bill:" + late.id() + " "))
                ? List.of(label(late, null)) : List.of();

        BigDecimal fixedPriceAfter = fb.project(c.fbHarborTower().id()).map(p -> p.fixedPrice())
                .map(BigDecimal::new).orElse(null);
        DemoResult draft = new DemoResult(fb.identity().accountId(), c.company().id(), alignment, postings, flagged,
                echoes, caught, DemoContractor.HARBOR_TOWER_FIXED_PRICE, fixedPriceAfter, reconciliation,
                fb.requestLog().countsByEndpoint(), pc.requestLog().countsByEndpoint(),
                env.runtime().auditFile().file(), audit.size(), List.of());
        List<String> problems = DemoExpectations.check(env, draft, bills, late);
        return new DemoResult(draft.accountId(), draft.companyId(), alignment, postings, flagged, echoes, caught,
                draft.fixedPriceBefore(), fixedPriceAfter, reconciliation, draft.freshBooksCalls(), draft.procoreCalls(),
                draft.auditLog(), draft.auditEvents(), problems);
    }

    private static String label(Bill b, String originId) {
        if (b == null) {
            return "unknown source (origin id " + originId + ")";
        }
        return "freshbooks:bill:" + b.id() + " (" + b.billNumber() + ")";
    }

    private static String labelOf(String sourceRef, List<Bill> bills) {
        for (Bill b : bills) {
            if (sourceRef.equals("freshbooks:bill:" + b.id())) {
                return label(b, null);
            }
        }
        return sourceRef;
    }

    /** The demo did not reach its expected end state; the message lists what differs. */
    public static final class DemoFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailedException(List<String> problems) {
            super("the demo did not reach the expected end state:\n  - " + String.join("\n  - ", problems));
        }
    }
}
