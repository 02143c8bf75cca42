package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** Fields to create or update a tax; {@code percent} travels as {@code amount}. */
public record TaxDraft(
        @JsonProperty("name") String name,
        @JsonProperty("amount") BigDecimal percent,
        @JsonProperty("number") String number,
        @JsonProperty("compound") Boolean compound) {
}
