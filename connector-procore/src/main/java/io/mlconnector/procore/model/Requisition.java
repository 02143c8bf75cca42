package io.mlconnector.procore.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A requisition, which the UI calls a subcontractor invoice, on a commitment ({@code /rest/v1.x/requisitions}).
 *
 * @param percentComplete e.g. {@code "96.36%"}, kept as text
 */
public record Requisition(long id,
                          String number,
                          String invoiceNumber,
                          Long commitmentId,
                          String commitmentType,
                          String contractName,
                          Long vendorId,
                          String vendorName,
                          Long periodId,
                          LocalDate requisitionStart,
                          LocalDate requisitionEnd,
                          LocalDate billingDate,
                          LocalDate paymentDate,
                          Instant submittedAt,
                          String status,
                          String erpStatus,
                          String percentComplete,
                          BigDecimal totalClaimedAmount,
                          @JsonProperty("final") Boolean isFinal,
                          Boolean deletable,
                          Long previousRequisitionId,
                          String originId,
                          String originData,
                          @JsonAlias({"g702"}) BillingSummary summary,
                          List<RequisitionItem> items,
                          Instant createdAt,
                          Instant updatedAt) {
}
