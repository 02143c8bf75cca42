package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mlconnector.core.model.Money;
import java.time.LocalDate;

/** Fields to record or change a bill payment; never {@code vis_state}. */
public record BillPaymentDraft(
        @JsonProperty("billid") Long billId,
        @JsonProperty("amount") Money amount,
        @JsonProperty("paid_date") LocalDate paidDate,
        @JsonProperty("payment_type") String paymentType,
        @JsonProperty("note") String note) {
}
