package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.EasternTimestampDeserializer;
import io.mlconnector.freshbooks.internal.json.LenientDateDeserializer;
import java.time.Instant;
import java.time.LocalDate;

/** A payment of an invoice ({@code /accounting/account/{account_id}/payments/payments}); its id is also {@code logid}. */
public record Payment(
        @JsonProperty("id") @JsonAlias("logid") long id,
        @JsonProperty("invoiceid") Long invoiceId,
        @JsonProperty("clientid") Long clientId,
        @JsonProperty("amount") Money amount,
        @JsonProperty("date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate date,
        @JsonProperty("type") String type,
        @JsonProperty("note") String note,
        @JsonProperty("from_credit") Boolean fromCredit,
        @JsonProperty("creditid") Long creditId,
        @JsonProperty("overpaymentid") Long overpaymentId,
        @JsonProperty("gateway") String gateway,
        @JsonProperty("transactionid") String transactionId,
        @JsonProperty("orderid") String orderId,
        @JsonProperty("bulk_paymentid") Long bulkPaymentId,
        @JsonProperty("updated") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant updated,
        @JsonProperty("vis_state") VisState visState) {
}
