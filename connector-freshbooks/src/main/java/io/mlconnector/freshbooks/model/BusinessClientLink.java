package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A link between a business and a client record in another account ({@code business_clients[]}). */
public record BusinessClientLink(
        @JsonProperty("id") Long id,
        @JsonProperty("business_id") Long businessId,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("userid") Long userId) {
}
