package io.mlconnector.core.sync.reconcile;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The period's totals of one project, flow, cost code and currency on both sides. A null cost code collects amounts
 * that cannot be put on a cost code: payments, and a target whose total differs from its source when the target's
 * split by cost code is not known.
 *
 * @param projectId        project-system project id, null when the records could not be put on a project
 * @param projectName      its name, when known
 * @param flow             which pairing
 * @param costCode         full cost code, or null
 * @param currency         currency of the amounts
 * @param accountingAmount accounting-side total
 * @param projectAmount    project-side total
 * @param difference       accounting minus project
 */
public record CostCodeTotal(String projectId, String projectName, ReconciledFlow flow, String costCode,
                            String currency, BigDecimal accountingAmount, BigDecimal projectAmount,
                            BigDecimal difference) {
    /**
     * Checks the components.
     *
     * @param projectId project-system project id, null when the records could not be put on a project
     * @param projectName its name, when known
     * @param flow which pairing
     * @param costCode full cost code, or null
     * @param currency currency of the amounts
     * @param accountingAmount accounting-side total
     * @param projectAmount project-side total
     * @param difference accounting minus project
     */
    public CostCodeTotal {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(accountingAmount, "accountingAmount");
        Objects.requireNonNull(projectAmount, "projectAmount");
        Objects.requireNonNull(difference, "difference");
    }

    /**
     * Whether both sides hold the same total.
     *
     * @return whether both sides hold the same total
     */
    public boolean matched() {
        return difference.signum() == 0;
    }
}
