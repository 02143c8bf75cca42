package io.mlconnector.procore.request;

import java.math.BigDecimal;

/**
 * Writable fields of an SOV line of a purchase order, work order or direct cost (v1.0): amount as a string; {@code wbs_code_id} or {@code cost_code_id} + {@code line_item_type_id}.
 *
 * @param id sync only
 */
public record ContractLineItemInput(Long id,
                                    BigDecimal amount,
                                    Long costCodeId,
                                    Long lineItemTypeId,
                                    Long wbsCodeId,
                                    String description,
                                    BigDecimal quantity,
                                    BigDecimal unitCost,
                                    String uom,
                                    String extendedType,
                                    Long taxCodeId,
                                    String originId,
                                    String originData) {
}
