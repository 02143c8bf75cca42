package io.mlconnector.procore.request;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.mlconnector.procore.internal.json.DecimalNumberSerializer;
import java.math.BigDecimal;

/**
 * Writable fields of a budget line item: v1.0 takes {@code cost_code_id} + {@code line_item_type_id}, v1.1 and sync take {@code wbs_code_id}.
 *
 * <p>{@code original_budget_amount}, {@code quantity} and {@code unit_cost} are written as JSON numbers, as the spec
 * types them (RestV10BudgetLineItemsPost, RestV11BudgetLineItemsPost, RestV10BudgetLineItemsIdPatch).
 *
 * @param id sync only
 */
public record BudgetLineItemInput(Long id,
                                  Long costCodeId,
                                  Long lineItemTypeId,
                                  Long wbsCodeId,
                                  @JsonSerialize(using = DecimalNumberSerializer.class) BigDecimal originalBudgetAmount,
                                  String uom,
                                  @JsonSerialize(using = DecimalNumberSerializer.class) BigDecimal quantity,
                                  @JsonSerialize(using = DecimalNumberSerializer.class) BigDecimal unitCost,
                                  String calculationStrategy) {
}
