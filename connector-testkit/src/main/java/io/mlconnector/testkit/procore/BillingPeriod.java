package io.mlconnector.testkit.procore;

import java.time.LocalDate;

/**
 * A project billing period.
 *
 * @param id        id
 * @param projectId project
 * @param startDate start
 * @param endDate   end
 * @param dueDate   due
 * @param status    open or closed
 */
public record BillingPeriod(long id, long projectId, LocalDate startDate, LocalDate endDate, LocalDate dueDate,
                            String status) {
}
