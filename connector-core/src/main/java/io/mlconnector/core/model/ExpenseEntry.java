package io.mlconnector.core.model;

import java.time.LocalDate;

/**
 * An expense (or a negative adjustment) to write in the accounting system so project margins stay true.
 *
 * @param ref        the expense once it exists, null for a new one
 * @param marker     our stable key written on the expense (in its notes) so it can be found again
 * @param category   expense category (account) mapped from the cost code
 * @param project    accounting-side project, may be null
 * @param client     accounting-side client, may be null
 * @param amount     amount (negative to reverse)
 * @param date       date
 * @param vendorName free-text vendor shown on the expense, may be null
 * @param notes      human-readable note naming the project-system object
 */
public record ExpenseEntry(ExternalRef ref, String marker, ExternalRef category, ExternalRef project,
                           ExternalRef client, Money amount, LocalDate date, String vendorName, String notes) {
}
