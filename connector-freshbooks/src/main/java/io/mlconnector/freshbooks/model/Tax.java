package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.EasternTimestampDeserializer;
import java.math.BigDecimal;
import java.time.Instant;

/** A tax ({@code /accounting/account/{account_id}/taxes/taxes}); {@code amount} is the percentage. No vis_state. */
public record Tax(
        @JsonProperty("id") @JsonAlias("taxid") long id,
        @JsonProperty("name") String name,
        @JsonProperty("amount") BigDecimal percent,
        @JsonProperty("number") String number,
        @JsonProperty("compound") Boolean compound,
        @JsonProperty("updated") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant updated) {
}
