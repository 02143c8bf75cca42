package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.procore.internal.json.LenientTextDeserializer;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A line of a direct cost; {@code uom} may be text or {@code {"name":…}}; amounts strings or numbers.
 */
public record DirectCostLineItem(long id,
                                 Long directCostId,
                                 String description,
                                 BigDecimal amount,
                                 BigDecimal totalAmount,
                                 BigDecimal quantity,
                                 BigDecimal unitCost,
                                 @JsonDeserialize(using = LenientTextDeserializer.class) String uom,
                                 String extendedType,
                                 Integer position,
                                 Long costCodeId,
                                 Long lineItemTypeId,
                                 CostCodeRef costCode,
                                 LineItemTypeRef lineItemType,
                                 WbsCodeRef wbsCode,
                                 String originId,
                                 String originData,
                                 Instant createdAt,
                                 Instant updatedAt) {
    /**
     * The amount of the line ({@code amount}, else {@code total_amount}).
     *
     * @return the amount of the line ({@code amount}, else {@code total_amount})
     */
    public BigDecimal value() {
        return amount != null ? amount : totalAmount;
    }
}
