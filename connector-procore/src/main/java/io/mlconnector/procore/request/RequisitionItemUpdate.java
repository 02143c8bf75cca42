package io.mlconnector.procore.request;

import java.math.BigDecimal;

/**
 * Editable amounts of an existing requisition item ({@code requisition_contract_item} / {@code requisition_change_order_item} wrappers).
 */
public record RequisitionItemUpdate(BigDecimal workCompletedThisPeriod,
                                    BigDecimal workCompletedThisPeriodQuantity,
                                    BigDecimal materialsPresentlyStored) {
}
