package io.mlconnector.examples.demo;

import io.mlconnector.core.sync.alignment.AlignmentItem;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import io.mlconnector.testkit.freshbooks.Bill;
import io.mlconnector.testkit.procore.DirectCost;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.Requisition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's expected end state, checked against what the sandboxes, the audit log and the reconciliation report
 * hold. Each difference becomes one line; the demo exits non-zero when there is any.
 */
final class DemoExpectations {
    private DemoExpectations() {
    }

    /** @param bills rebar, electrical, equipment, framing, late — in that order */
    static List<String> check(DemoEnvironment env, DemoResult r, List<Bill> bills, Bill late) {
        List<String> problems = new ArrayList<>();
        DemoContractor c = env.contractor();
        ProcoreSandbox pc = env.procore();
        Bill rebar = bills.get(0);
        Bill electrical = bills.get(1);
        Bill equipment = bills.get(2);
        Bill framing = bills.get(3);

        expect(problems, r.alignment().vendors().matched().size() == 3, "alignment should match 3 vendors by name, "
                + "matched " + r.alignment().vendors().matched().size());
        expect(problems, r.alignment().vendors().unmatched().stream().map(AlignmentItem::accountingName)
                .anyMatch(c.fbLonePine().name()::equals), "Lone Pine Framing should stay unmatched");
        expect(problems, r.alignment().projects().matched().size() == 2, "alignment should match both projects, "
                + "matched " + r.alignment().projects().matched().size());

        List<Requisition> reqs = pc.requisitions(c.harborTower().id());
        expect(problems, reqs.size() == 2, "Harbor Tower should hold 2 requisitions, holds " + reqs.size());
        expect(problems, pc.requisitions(c.riverside().id()).isEmpty(), "Riverside Clinic should hold no requisition");
        requisition(problems, env, reqs, rebar, c.rebarPo().id(), "26980.00");
        requisition(problems, env, reqs, electrical, c.electricalSubcontract().id(), "14250.00");

        List<DirectCost> costs = pc.directCosts(c.harborTower().id());
        expect(problems, costs.size() == 2, "Harbor Tower should hold 2 direct costs, holds " + costs.size());
        directCost(problems, env, costs, equipment, "3275.40");
        directCost(problems, env, costs, late, "825.00");

        String framingOrigin = env.originId("bill", framing.id());
        boolean framingPosted = reqs.stream().anyMatch(q -> framingOrigin.equals(q.originId()))
                || costs.stream().anyMatch(d -> framingOrigin.equals(d.originId()));
        expect(problems, !framingPosted, "Lone Pine's bill must not reach Procore");
        expect(problems, r.flagged().stream().anyMatch(f -> f.source().startsWith("freshbooks:bill:" + framing.id() + " ")
                && f.outcome().equals("FLAGGED_UNMAPPED_VENDOR")), "Lone Pine's bill should be flagged "
                + "FLAGGED_UNMAPPED_VENDOR");
        expect(problems, r.flagged().size() == 1, "exactly one record should be flagged, " + r.flagged().size()
                + " are");

        expect(problems, !r.pollerCaught().isEmpty(), "the poller should have posted the bill whose webhook was dropped");
        var expenses = env.freshBooks().expenses();
        expect(problems, expenses.size() == 1, "FreshBooks should hold 1 expense, holds " + expenses.size());
        expenses.stream().findFirst().ifPresent(e -> {
            expect(problems, same(e.amount(), DemoContractor.CHANGE_ORDER_AMOUNT.toPlainString()),
                    "the change order expense should be 12500.00, is " + e.amount());
            expect(problems, e.categoryId() == c.concrete().id(), "the expense should be under Cast-in-Place Concrete");
            expect(problems, e.projectId() == c.fbHarborTower().id(), "the expense should be on Harbor Tower");
        });
        BigDecimal wanted = DemoContractor.HARBOR_TOWER_FIXED_PRICE.add(DemoContractor.PRIME_CHANGE_ORDER_AMOUNT);
        expect(problems, r.fixedPriceAfter() != null && r.fixedPriceAfter().compareTo(wanted) == 0,
                "Harbor Tower's FreshBooks fixed price should be " + wanted + " after the prime contract change "
                        + "order, is " + r.fixedPriceAfter());
        String hours = env.freshBooks().project(c.fbHarborTower().id()).map(p -> p.budget()).orElse(null);
        expect(problems, Integer.toString(DemoContractor.HARBOR_TOWER_BUDGET_HOURS).equals(hours),
                "Harbor Tower's FreshBooks budget (hours) must stay " + DemoContractor.HARBOR_TOWER_BUDGET_HOURS
                        + ", is " + hours);
        expect(problems, r.skippedEchoes() >= 1, "the echo of our own direct cost should have been skipped");

        ReconciliationReport rec = r.reconciliation();
        expect(problems, rec.summary().different() == 0, "reconciliation should find no amount differences, found "
                + rec.summary().different());
        expect(problems, rec.waiting().stream().anyMatch(w -> w.key().equals("freshbooks:bill:" + framing.id())),
                "reconciliation should list Lone Pine's bill as waiting");
        expect(problems, r.auditEvents() > 0, "the audit log should not be empty");
        return problems;
    }

    private static void requisition(List<String> problems, DemoEnvironment env, List<Requisition> reqs, Bill bill,
                                    long commitmentId, String amount) {
        String origin = env.originId("bill", bill.id());
        List<Requisition> mine = reqs.stream().filter(q -> origin.equals(q.originId())).toList();
        if (mine.size() != 1) {
            problems.add("bill " + bill.billNumber() + " should have exactly 1 requisition, has " + mine.size());
            return;
        }
        Requisition q = mine.get(0);
        expect(problems, q.commitmentId() == commitmentId, "bill " + bill.billNumber() + " landed on commitment "
                + q.commitmentId() + " instead of " + commitmentId);
        expect(problems, same(q.totalClaimed(), amount), "bill " + bill.billNumber() + "'s requisition should claim "
                + amount + ", claims " + q.totalClaimed());
    }

    private static void directCost(List<String> problems, DemoEnvironment env, List<DirectCost> costs, Bill bill,
                                   String amount) {
        String origin = env.originId("bill", bill.id());
        List<DirectCost> mine = costs.stream().filter(d -> origin.equals(d.originId())).toList();
        if (mine.size() != 1) {
            problems.add("bill " + bill.billNumber() + " should have exactly 1 direct cost, has " + mine.size());
            return;
        }
        expect(problems, same(mine.get(0).grandTotal(), amount), "bill " + bill.billNumber() + "'s direct cost should "
                + "total " + amount + ", totals " + mine.get(0).grandTotal());
    }

    private static boolean same(BigDecimal a, String b) {
        return a != null && a.compareTo(new BigDecimal(b)) == 0;
    }

    private static void expect(List<String> problems, boolean ok, String message) {
        if (!ok) {
            problems.add(message);
        }
    }
}
