package io.mlconnector.procore.request;

import java.time.LocalDate;

/**
 * Writable fields of a billing period ({@code {"billing_period":{…}}}); all four are required on create.
 */
public record BillingPeriodInput(LocalDate startDate,
                                 LocalDate endDate,
                                 LocalDate dueDate,
                                 String status) {
}
