package io.mlconnector.procore.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A project billing period ({@code /rest/v1.0/projects/{p}/billing_periods}); requisitions reference it by {@code period_id}.
 */
public record BillingPeriod(long id,
                            Integer position,
                            Long projectId,
                            LocalDate startDate,
                            LocalDate endDate,
                            LocalDate dueDate,
                            String status,
                            Instant createdAt,
                            Instant updatedAt) {
    /**
     * Whether the period is open.
     *
     * @return whether the period is open
     */
    public boolean isOpen() {
        return "open".equalsIgnoreCase(status);
    }

    /**
     * Whether {@code date} falls within the period (inclusive).
     *
     * @param date the date
     * @return whether {@code date} falls within the period (inclusive)
     */
    public boolean covers(LocalDate date) {
        return date != null && startDate != null && endDate != null && !date.isBefore(startDate) && !date.isAfter(endDate);
    }
}
