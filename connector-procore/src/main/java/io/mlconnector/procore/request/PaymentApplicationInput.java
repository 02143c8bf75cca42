package io.mlconnector.procore.request;

import java.time.LocalDate;

/**
 * Writable fields of a payment application (owner invoice); {@code status} one of {@code draft}, {@code under_review}, {@code revise_and_resubmit}, {@code approved}.
 */
public record PaymentApplicationInput(Long commitmentBillingPeriodId,
                                      LocalDate periodStart,
                                      LocalDate periodEnd,
                                      LocalDate billingDate,
                                      String invoiceNumber,
                                      String status,
                                      String originId,
                                      String originData) {
}
