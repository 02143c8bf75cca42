package io.mlconnector.procore.request;

import java.math.BigDecimal;

/**
 * A line of a change event create ({@code change_event_line_items_attributes[]}).
 */
public record ChangeEventLineItemInput(Long costCodeId,
                                       Long lineItemTypeId,
                                       String description,
                                       String uom,
                                       BigDecimal estimatedCostAmount,
                                       Long proposedVendorId,
                                       Long proposedContractId) {
}
