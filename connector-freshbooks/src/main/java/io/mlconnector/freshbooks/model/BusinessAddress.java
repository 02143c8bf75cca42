package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A business's postal address. */
public record BusinessAddress(
        @JsonProperty("id") Long id,
        @JsonProperty("street") String street,
        @JsonProperty("city") String city,
        @JsonProperty("province") String province,
        @JsonProperty("country") String country,
        @JsonProperty("postal_code") String postalCode) {
}
