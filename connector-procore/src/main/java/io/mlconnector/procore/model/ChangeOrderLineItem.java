package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.procore.internal.json.LenientTextDeserializer;
import java.math.BigDecimal;

/**
 * A line of a commitment or prime change order (REST v2 {@code .../commitment_change_orders/{id}/line_items} and
 * {@code .../prime_change_orders/{id}/line_items}, {@code {"data":[…]}}, ids as strings); also the
 * {@code change_order_items} of the ERP export.
 */
public record ChangeOrderLineItem(long id,
                                  Long commitmentLineItemId,
                                  BigDecimal amount,
                                  String description,
                                  BigDecimal quantity,
                                  BigDecimal unitCost,
                                  @JsonDeserialize(using = LenientTextDeserializer.class) String uom,
                                  BigDecimal totalAmount,
                                  BigDecimal extendedAmount,
                                  CostCodeRef costCode,
                                  LineItemTypeRef lineItemType,
                                  WbsCodeRef wbsCode,
                                  Long wbsCodeId,
                                  Long taxCodeId,
                                  String originId) {
    /**
     * The amount of the line ({@code amount}, else {@code total_amount}, else {@code extended_amount}).
     *
     * @return the amount of the line ({@code amount}, else {@code total_amount}, else {@code extended_amount})
     */
    public BigDecimal value() {
        return amount != null ? amount : totalAmount != null ? totalAmount : extendedAmount;
    }
}
