package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.EasternTimestampDeserializer;
import java.math.BigDecimal;
import java.time.Instant;

/** A billable item ({@code /accounting/account/{account_id}/items/items}); {@code tax1/tax2} are tax ids. */
public record Item(
        @JsonProperty("id") @JsonAlias("itemid") long id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("qty") BigDecimal quantity,
        @JsonProperty("inventory") BigDecimal inventory,
        @JsonProperty("sku") String sku,
        @JsonProperty("unit_cost") Money unitCost,
        @JsonProperty("tax1") Long tax1,
        @JsonProperty("tax2") Long tax2,
        @JsonProperty("updated") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant updated,
        @JsonProperty("vis_state") VisState visState) {
}
