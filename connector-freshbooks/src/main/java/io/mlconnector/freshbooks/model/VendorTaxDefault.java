package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.UtcTimestampDeserializer;
import java.math.BigDecimal;
import java.time.Instant;

/** A default tax of a bill vendor ({@code tax_defaults[]}); {@code amount} is a percentage. */
public record VendorTaxDefault(
        @JsonProperty("tax_id") Long taxId,
        @JsonProperty("system_taxid") Long systemTaxId,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("name") String name,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("tax_authorityid") String taxAuthorityId,
        @JsonProperty("created_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant createdAt,
        @JsonProperty("updated_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant updatedAt) {
}
