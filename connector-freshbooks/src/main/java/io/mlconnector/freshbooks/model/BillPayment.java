package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.LenientDateDeserializer;
import java.time.LocalDate;

/** A payment of a bill ({@code /accounting/account/{account_id}/bill_payments/bill_payments}). It has no timestamp. */
public record BillPayment(
        @JsonProperty("id") long id,
        @JsonProperty("billid") Long billId,
        @JsonProperty("amount") Money amount,
        @JsonProperty("paid_date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate paidDate,
        @JsonProperty("payment_type") String paymentType,
        @JsonProperty("note") String note,
        @JsonProperty("matched_with_expense") Boolean matchedWithExpense,
        @JsonProperty("vis_state") VisState visState) {
}
