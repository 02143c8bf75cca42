package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.EasternTimestampDeserializer;
import io.mlconnector.freshbooks.internal.json.LenientDateDeserializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Income not tied to an invoice ({@code /accounting/account/{account_id}/other_incomes/other_incomes}). */
public record OtherIncome(
        @JsonProperty("incomeid") @JsonAlias("id") long id,
        @JsonProperty("amount") Money amount,
        @JsonProperty("category_name") String categoryName,
        @JsonProperty("date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate date,
        @JsonProperty("note") String note,
        @JsonProperty("payment_type") String paymentType,
        @JsonProperty("source") String source,
        @JsonProperty("sourceid") Long sourceId,
        @JsonProperty("userid") Long userId,
        @JsonProperty("taxes") List<Levy> taxes,
        @JsonProperty("created_at") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant createdAt,
        @JsonProperty("updated_at") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant updatedAt,
        @JsonProperty("vis_state") VisState visState) {

    /**
     * Checks the components.
     *
     * @param id the object's id
     * @param amount the amount
     * @param categoryName the category name
     * @param date the date
     * @param note the note
     * @param paymentType the payment type
     * @param source the source
     * @param sourceId the source id
     * @param userId the user id
     * @param taxes the taxes
     * @param createdAt the created at
     * @param updatedAt the updated at
     * @param visState the vis state
     */
    public OtherIncome {
        taxes = taxes == null ? List.of() : List.copyOf(taxes);
    }

    /** A tax applied to other income: name and percentage. */
    public record Levy(@JsonProperty("name") String name, @JsonProperty("amount") BigDecimal percent) {
    }
}
