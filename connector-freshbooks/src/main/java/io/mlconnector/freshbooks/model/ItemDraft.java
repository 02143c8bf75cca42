package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mlconnector.core.model.Money;
import java.math.BigDecimal;

/** Fields to create or update an item; null fields are not sent, never {@code vis_state}. */
public record ItemDraft(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("qty") BigDecimal quantity,
        @JsonProperty("inventory") BigDecimal inventory,
        @JsonProperty("sku") String sku,
        @JsonProperty("unit_cost") Money unitCost,
        @JsonProperty("tax1") Long tax1,
        @JsonProperty("tax2") Long tax2) {
}
