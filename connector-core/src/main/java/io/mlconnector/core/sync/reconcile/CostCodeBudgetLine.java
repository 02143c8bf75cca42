package io.mlconnector.core.sync.reconcile;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One cost code of a project: its budget in the project system (summed over cost types) next to what the accounting
 * system holds on it. Budget changes write nothing to the accounting system (a FreshBooks budget is hours), so this is
 * where a revised budget is seen. The budget is the project's as of the report; the accounting amount is that of the
 * report's month only: bills allocated to the cost code ({@link ReconciledFlow#COSTS}) plus the expenses the
 * connector wrote for it ({@link ReconciledFlow#CHANGES}).
 *
 * @param projectId        project-system project id
 * @param projectName      its name, when known
 * @param costCode         full cost code
 * @param currency         currency of the amounts
 * @param originalBudget   original budget, or null when the project system did not say
 * @param approvedChanges  approved budget changes, or null when the project system did not say
 * @param revisedBudget    revised budget (original plus approved changes); zero for a cost code with accounting
 *                         amounts but no budget line
 * @param accountingAmount the month's accounting amount on the cost code
 */
public record CostCodeBudgetLine(String projectId, String projectName, String costCode, String currency,
                                 BigDecimal originalBudget, BigDecimal approvedChanges, BigDecimal revisedBudget,
                                 BigDecimal accountingAmount) {
    /**
     * Checks the components.
     *
     * @param projectId project-system project id
     * @param projectName its name, when known
     * @param costCode full cost code
     * @param currency currency of the amounts
     * @param originalBudget original budget, or null when the project system did not say
     * @param approvedChanges approved budget changes, or null when the project system did not say
     * @param revisedBudget revised budget (original plus approved changes); zero for a cost code with accounting
     *     amounts but no budget line
     * @param accountingAmount the month's accounting amount on the cost code
     */
    public CostCodeBudgetLine {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(costCode, "costCode");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(revisedBudget, "revisedBudget");
        Objects.requireNonNull(accountingAmount, "accountingAmount");
    }

    /**
     * The revised budget less the month's accounting amount.
     *
     * @return the revised budget less the month's accounting amount
     */
    public BigDecimal revisedLessAccounting() {
        return revisedBudget.subtract(accountingAmount);
    }
}
