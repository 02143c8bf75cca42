package io.mlconnector.procore.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A commitment change order, the newer model of 1- and 2-tier projects ({@code /rest/v1.0/projects/{p}/commitment_change_orders}); it has no origin id.
 */
public record CommitmentChangeOrder(long id,
                                    Long contractId,
                                    Long legacyPackageId,
                                    Long legacyRequestId,
                                    String type,
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
                                    List<IdNumber> changeEvents,
                                    String originCode,
                                    CurrencyConfiguration currencyConfiguration,
                                    Instant createdAt,
                                    Instant updatedAt,
                                    Instant deletedAt) {
}
