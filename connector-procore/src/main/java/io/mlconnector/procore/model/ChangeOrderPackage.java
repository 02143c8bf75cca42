package io.mlconnector.procore.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A change order package on a commitment or prime contract ({@code /rest/v1.0/change_order_packages}).
 */
public record ChangeOrderPackage(long id,
                                 Long contractId,
                                 String number,
                                 Integer revision,
                                 String title,
                                 String description,
                                 String status,
                                 Boolean executed,
                                 BigDecimal grandTotal,
                                 LocalDate dueDate,
                                 LocalDate invoicedDate,
                                 LocalDate paidDate,
                                 Instant reviewedAt,
                                 LocalDate signedChangeOrderReceivedDate,
                                 IdName designatedReviewer,
                                 Long createdById,
                                 String originId,
                                 String originCode,
                                 String originData,
                                 CurrencyConfiguration currencyConfiguration,
                                 Instant createdAt,
                                 Instant updatedAt,
                                 Instant deletedAt) {
}
