package io.mlconnector.procore.request;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.mlconnector.procore.internal.json.DecimalNumberSerializer;
import java.math.BigDecimal;

/**
 * A line of a v1.1 direct cost create ({@code wbs_code_id} required; {@code manual_amount}); also used for the line item sync ({@code id}, {@code direct_cost_id}, {@code amount}).
 *
 * <p>Money and quantities are written as JSON numbers, as the spec types them (v1.0 line item create/update/sync:
 * {@code amount}, {@code quantity}, {@code unit_cost} are {@code number}; the v1.1 create's documented example sends
 * {@code manual_amount} as a number).
 *
 * @param id line item sync only
 * @param directCostId line item sync only
 */
public record DirectCostLineItemInput(Long id,
                                      Long directCostId,
                                      Long wbsCodeId,
                                      Long costCodeId,
                                      Long lineItemTypeId,
                                      @JsonSerialize(using = DecimalNumberSerializer.class) BigDecimal manualAmount,
                                      @JsonSerialize(using = DecimalNumberSerializer.class) BigDecimal amount,
                                      String description,
                                      @JsonSerialize(using = DecimalNumberSerializer.class) BigDecimal quantity,
                                      @JsonSerialize(using = DecimalNumberSerializer.class) BigDecimal unitCost,
                                      String uom,
                                      String originId,
                                      String originData,
                                      String ref) {
}
