package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mlconnector.core.model.Money;
import java.time.LocalDate;

/** Fields to record or change an invoice payment; never {@code vis_state}. */
public record PaymentDraft(
        @JsonProperty("invoiceid") Long invoiceId,
        @JsonProperty("amount") Money amount,
        @JsonProperty("date") LocalDate date,
        @JsonProperty("type") String type,
        @JsonProperty("note") String note) {
}
