package io.mlconnector.procore.request;

import java.math.BigDecimal;

/**
 * A line of a v1.1 direct cost create ({@code wbs_code_id} required; {@code manual_amount}); also used for the line item sync ({@code id}, {@code direct_cost_id}, {@code amount}).
 *
 * @param id line item sync only
 * @param directCostId line item sync only
 */
public record DirectCostLineItemInput(Long id,
                                      Long directCostId,
                                      Long wbsCodeId,
                                      Long costCodeId,
                                      Long lineItemTypeId,
                                      BigDecimal manualAmount,
                                      BigDecimal amount,
                                      String description,
                                      BigDecimal quantity,
                                      BigDecimal unitCost,
                                      String uom,
                                      String originId,
                                      String originData,
                                      String ref) {
}
