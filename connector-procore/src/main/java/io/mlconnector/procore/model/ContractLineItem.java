package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.procore.internal.json.LenientTextDeserializer;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A schedule-of-values line of a purchase order, work order or prime contract; {@code amount} is a string, {@code total_amount} a number — both read as BigDecimal.
 */
public record ContractLineItem(long id,
                               Integer position,
                               String description,
                               BigDecimal amount,
                               BigDecimal quantity,
                               BigDecimal unitCost,
                               @JsonDeserialize(using = LenientTextDeserializer.class) String uom,
                               String extendedType,
                               BigDecimal totalAmount,
                               BigDecimal extendedAmount,
                               BigDecimal taxAmount,
                               Long taxCodeId,
                               Long costCodeId,
                               Long lineItemTypeId,
                               CostCodeRef costCode,
                               LineItemTypeRef lineItemType,
                               WbsCodeRef wbsCode,
                               Holder holder,
                               String originId,
                               String originData,
                               Instant createdAt,
                               Instant updatedAt) {
    /**
     * The amount of the line ({@code amount}, else {@code total_amount}, else {@code extended_amount}).
     *
     * @return the amount of the line ({@code amount}, else {@code total_amount}, else {@code extended_amount})
     */
    public BigDecimal value() {
        return amount != null ? amount : totalAmount != null ? totalAmount : extendedAmount;
    }
}
