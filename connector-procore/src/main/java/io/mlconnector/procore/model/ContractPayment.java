package io.mlconnector.procore.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A payment issued on a commitment or received on a prime contract ({@code /rest/v1.0/contract_payments}).
 */
public record ContractPayment(long id,
                              Long projectId,
                              Long contractId,
                              Long requisitionId,
                              Long vendorId,
                              LocalDate date,
                              BigDecimal amount,
                              String invoiceNumber,
                              LocalDate invoiceDate,
                              String checkNumber,
                              String paymentMethod,
                              String paymentNumber,
                              String drawRequestNumber,
                              String notes,
                              String status,
                              String externalPaymentId,
                              BigDecimal retainageReleasedPaymentAmount,
                              Instant datePaymentInitiated,
                              Instant datePaymentSettled,
                              String originId,
                              String originCode,
                              String originData,
                              Instant createdAt,
                              Instant updatedAt) {
}
