package io.mlconnector.procore.model;

import java.time.Instant;

/**
 * A budget view of a project ({@code GET /rest/v1.0/budget_views}); its detail rows hold one row per budget line item.
 */
public record BudgetView(long id,
                         String name,
                         String description,
                         String role,
                         Instant createdAt,
                         Instant updatedAt) {
}
