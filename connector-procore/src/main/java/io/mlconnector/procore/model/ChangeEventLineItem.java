package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.procore.internal.json.LenientTextDeserializer;
import java.math.BigDecimal;

/**
 * A line of a change event.
 */
public record ChangeEventLineItem(long id,
                                  CostCodeRef costCode,
                                  LineItemTypeRef lineItemType,
                                  String description,
                                  @JsonDeserialize(using = LenientTextDeserializer.class) String uom,
                                  BigDecimal estimatedCostAmount,
                                  BigDecimal estimatedCostQuantity,
                                  BigDecimal estimatedCostUnitCost,
                                  BigDecimal rom,
                                  @JsonDeserialize(using = VendorRefDeserializer.class) VendorRef vendor,
                                  ContractRef contract) {
}
