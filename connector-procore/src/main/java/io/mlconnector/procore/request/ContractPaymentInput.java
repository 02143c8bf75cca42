package io.mlconnector.procore.request;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Writable fields of a contract payment; {@code payment_method} is one of {@code check}, {@code credit_card}, {@code electronic}.
 */
public record ContractPaymentInput(LocalDate date,
                                   BigDecimal amount,
                                   String invoiceNumber,
                                   LocalDate invoiceDate,
                                   String checkNumber,
                                   String paymentMethod,
                                   Integer paymentNumber,
                                   String notes,
                                   Long requisitionId,
                                   String originId,
                                   String originData) {
}
