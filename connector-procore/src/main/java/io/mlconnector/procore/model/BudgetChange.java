package io.mlconnector.procore.model;

import java.time.Instant;
import java.util.List;

/**
 * A budget change (the successor of budget modifications), read from {@code GET /rest/v1.0/projects/{p}/budget_changes/{id}} (the {@code data} envelope is unwrapped).
 */
public record BudgetChange(long id,
                           String number,
                           String title,
                           String description,
                           String status,
                           String erpStatus,
                           String originId,
                           List<BudgetChangeAdjustment> adjustmentLineItems,
                           Instant createdAt,
                           Instant updatedAt,
                           Instant deletedAt) {
}
