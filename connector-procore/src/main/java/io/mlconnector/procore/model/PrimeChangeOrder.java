package io.mlconnector.procore.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A change order on the prime contract (1- and 2-tier projects): {@code GET /rest/v1.0/projects/{p}/prime_change_orders}
 * and {@code .../{id}} (operations {@code RestV10ProjectsProjectIdPrimeChangeOrdersGet} / {@code …IdGet}). The spec
 * publishes no response schema; the fields follow the create body ({@code change_order}: contract_id, number,
 * revision, title, status, executed, due/paid/invoiced dates, signed_change_order_received_date) plus the usual
 * {@code grand_total}, {@code currency_configuration} and timestamps. Lines come from REST v2.
 */
public record PrimeChangeOrder(long id,
                               Long contractId,
                               Long batchId,
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
                               LocalDate signedChangeOrderReceivedDate,
                               Instant reviewedAt,
                               CurrencyConfiguration currencyConfiguration,
                               Instant createdAt,
                               Instant updatedAt,
                               Instant deletedAt) {
}
