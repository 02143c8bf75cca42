package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A commitment: purchase order contract or work order contract (subcontract), with its SOV {@code line_items} on show.
 */
public record CommitmentContract(long id,
                                 String type,
                                 String number,
                                 String title,
                                 String status,
                                 Boolean executed,
                                 String accountingMethod,
                                 BigDecimal retainagePercent,
                                 String description,
                                 LocalDate contractDate,
                                 LocalDate deliveryDate,
                                 @JsonDeserialize(using = VendorRefDeserializer.class) VendorRef vendor,
                                 IdName project,
                                 Boolean requisitionsAreEnabled,
                                 BigDecimal grandTotal,
                                 BigDecimal approvedChangeOrders,
                                 BigDecimal pendingChangeOrders,
                                 BigDecimal draftChangeOrdersAmount,
                                 BigDecimal revisedContract,
                                 BigDecimal pendingRevisedContract,
                                 BigDecimal totalPayments,
                                 BigDecimal percentagePaid,
                                 BigDecimal remainingBalanceOutstanding,
                                 BigDecimal totalRequisitionsAmount,
                                 String originId,
                                 String originCode,
                                 String originData,
                                 CurrencyConfiguration currencyConfiguration,
                                 List<ContractLineItem> lineItems,
                                 Instant createdAt,
                                 Instant updatedAt,
                                 Instant deletedAt) {
}
