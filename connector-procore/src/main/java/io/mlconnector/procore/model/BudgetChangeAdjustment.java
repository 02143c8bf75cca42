package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.procore.internal.json.LenientTextDeserializer;
import java.math.BigDecimal;

/**
 * An adjustment line of a budget change ({@code data.adjustment_line_items[]}); amounts may be numbers.
 */
public record BudgetChangeAdjustment(long id,
                                     String ref,
                                     Integer adjustmentNumber,
                                     WbsCodeRef wbsCode,
                                     String description,
                                     String comment,
                                     String calculationStrategy,
                                     BigDecimal quantity,
                                     String type,
                                     @JsonDeserialize(using = LenientTextDeserializer.class) String uom,
                                     BigDecimal unitCost,
                                     BigDecimal amount,
                                     Long changeEventLineItemId) {
}
