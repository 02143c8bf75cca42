package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.procore.internal.json.LenientTextDeserializer;
import java.math.BigDecimal;

/**
 * A budget line item ({@code /rest/v1.0|1.1/budget_line_items}); amounts are JSON numbers here, read exactly.
 */
public record BudgetLineItem(long id,
                             BigDecimal originalBudgetAmount,
                             @JsonDeserialize(using = LenientTextDeserializer.class) String uom,
                             BigDecimal quantity,
                             BigDecimal unitCost,
                             String calculationStrategy,
                             BigDecimal approvedBudgetChanges,
                             BigDecimal revisedBudget,
                             BigDecimal pendingBudgetChanges,
                             BigDecimal projectedBudget,
                             BigDecimal committedCosts,
                             BigDecimal directCosts,
                             BigDecimal pendingCostChanges,
                             BigDecimal projectedCosts,
                             BigDecimal budgetForecast,
                             BigDecimal estimatedCostAtCompletion,
                             BigDecimal projectedOverUnder,
                             CostCodeRef costCode,
                             CostCodeRef division,
                             LineItemTypeRef lineItemType,
                             WbsCodeRef wbsCode,
                             CurrencyConfiguration currencyConfiguration) {
}
