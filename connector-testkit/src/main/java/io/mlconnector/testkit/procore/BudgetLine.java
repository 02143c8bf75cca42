package io.mlconnector.testkit.procore;

import java.math.BigDecimal;

/**
 * A budget line item of a project: the original budget of one budget code.
 *
 * @param id             budget line item id
 * @param projectId      project
 * @param wbsCodeId      the budget code
 * @param originalBudget {@code original_budget_amount}
 */
public record BudgetLine(long id, long projectId, long wbsCodeId, BigDecimal originalBudget) {
}
