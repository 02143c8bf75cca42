package io.mlconnector.procore.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.math.BigDecimal;

/**
 * G702-style totals of a requisition or payment application; the requisition tutorial calls it {@code g702}, the spec {@code summary}; strings or numbers.
 */
public record BillingSummary(@JsonAlias({"contract_original_sum"}) BigDecimal originalContractSum,
                             @JsonAlias({"net_change_by_change_order"}) BigDecimal netChangeByChangeOrders,
                             BigDecimal contractSumToDate,
                             BigDecimal totalCompletedAndStoredToDate,
                             BigDecimal completedWorkRetainagePercent,
                             BigDecimal completedWorkRetainageAmount,
                             BigDecimal storedMaterialsRetainagePercent,
                             BigDecimal storedMaterialsRetainageAmount,
                             BigDecimal totalRetainage,
                             BigDecimal totalEarnedLessRetainage,
                             BigDecimal lessPreviousCertificatesForPayment,
                             BigDecimal currentPaymentDue,
                             BigDecimal balanceToFinishIncludingRetainage,
                             String applicationNumber) {
}
