package io.mlconnector.procore.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A legacy budget modification (transfer between budget line items); {@code origin_id} may arrive as a number.
 */
public record BudgetModification(long id,
                                 Long fromBudgetLineItemId,
                                 Long toBudgetLineItemId,
                                 String notes,
                                 BigDecimal transferAmount,
                                 String originId,
                                 String originData,
                                 Instant createdAt,
                                 Instant updatedAt) {
}
