package io.mlconnector.procore.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment application, i.e. the owner invoice on a prime contract ({@code /rest/v1.0/prime_contracts/{pc}/payment_applications}).
 */
public record PaymentApplication(long id,
                                 String number,
                                 String invoiceNumber,
                                 LocalDate billingDate,
                                 LocalDate periodStart,
                                 LocalDate periodEnd,
                                 Long periodId,
                                 String status,
                                 String percentComplete,
                                 BigDecimal totalAmountPaid,
                                 BigDecimal totalAmountAccruedThisPeriod,
                                 String contractName,
                                 String descriptionType,
                                 @JsonAlias({"g702"}) BillingSummary summary,
                                 @JsonAlias({"g703"}) List<PaymentApplicationItem> items,
                                 DateRange billingPeriod,
                                 ContractRef contract,
                                 CurrencyConfiguration currencyConfiguration,
                                 String originId,
                                 String originCode,
                                 String originData,
                                 Instant createdAt,
                                 Instant updatedAt) {
}
