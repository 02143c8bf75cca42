package io.mlconnector.core.sync.reconcile;

import io.mlconnector.core.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates amounts per project, flow, cost code and currency on both sides while a reconciliation runs. */
final class CostCodeTotals {
    private record Key(String projectId, ReconciledFlow flow, String costCode, String currency) {
    }

    private final Map<Key, BigDecimal[]> sums = new LinkedHashMap<>();

    void addAccounting(String projectId, ReconciledFlow flow, Map<String, Money> byCostCode) {
        byCostCode.forEach((code, m) -> add(projectId, flow, code, m, 0));
    }

    void addProject(String projectId, ReconciledFlow flow, Map<String, Money> byCostCode) {
        byCostCode.forEach((code, m) -> add(projectId, flow, code, m, 1));
    }

    private void add(String projectId, ReconciledFlow flow, String costCode, Money amount, int side) {
        if (amount == null) {
            return;
        }
        BigDecimal[] s = sums.computeIfAbsent(new Key(projectId, flow, costCode, amount.currency()),
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        s[side] = s[side].add(amount.amount());
    }

    /**
     * The accounting-side sums of one project over {@code flows}, by cost code and then currency (amounts without a
     * cost code are left out).
     */
    Map<String, Map<String, BigDecimal>> accountingByCostCode(String projectId, java.util.Set<ReconciledFlow> flows) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        sums.forEach((k, s) -> {
            if (k.costCode() != null && java.util.Objects.equals(projectId, k.projectId()) && flows.contains(k.flow())) {
                out.computeIfAbsent(k.costCode(), c -> new LinkedHashMap<>()).merge(k.currency(), s[0], BigDecimal::add);
            }
        });
        return out;
    }

    List<CostCodeTotal> totals(Map<String, String> projectNames) {
        List<CostCodeTotal> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new CostCodeTotal(k.projectId(), k.projectId() == null ? null
                : projectNames.get(k.projectId()), k.flow(), k.costCode(), k.currency(), s[0], s[1], s[0].subtract(s[1]))));
        return out;
    }
}
