package io.mlconnector.procore.request;

import java.math.BigDecimal;

/**
 * Writable fields of a budget line item: v1.0 takes {@code cost_code_id} + {@code line_item_type_id}, v1.1 and sync take {@code wbs_code_id}.
 *
 * @param id sync only
 */
public record BudgetLineItemInput(Long id,
                                  Long costCodeId,
                                  Long lineItemTypeId,
                                  Long wbsCodeId,
                                  BigDecimal originalBudgetAmount,
                                  String uom,
                                  BigDecimal quantity,
                                  BigDecimal unitCost,
                                  String calculationStrategy) {
}
