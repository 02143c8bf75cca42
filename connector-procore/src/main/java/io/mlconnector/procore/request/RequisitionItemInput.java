package io.mlconnector.procore.request;

import java.math.BigDecimal;

/**
 * An item of a v1.1 requisition create: {@code item_type} {@code contract_item} with the commitment SOV line in {@code line_item_id}.
 */
public record RequisitionItemInput(String itemType,
                                   Long lineItemId,
                                   Long detailLineItemId,
                                   BigDecimal workCompletedThisPeriod,
                                   BigDecimal workCompletedThisPeriodQuantity,
                                   BigDecimal materialsPresentlyStored,
                                   String status,
                                   String comment) {
    /**
     * A contract item billing {@code amount} of work completed this period on SOV line {@code lineItemId}.
     *
     * @param lineItemId the line item id
     * @param amount the amount
     * @return a contract item billing {@code amount} of work completed this period on SOV line {@code lineItemId}
     */
    public static RequisitionItemInput contractItem(long lineItemId, BigDecimal amount) {
        return new RequisitionItemInput("contract_item", lineItemId, null, amount, null, null, null, null);
    }
}
