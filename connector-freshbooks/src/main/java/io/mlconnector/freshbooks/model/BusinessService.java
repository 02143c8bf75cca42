package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A service a business bills time for ({@code /comments/business/{business_id}/service[s]}; embedded in projects). */
public record BusinessService(
        @JsonProperty("id") long id,
        @JsonProperty("business_id") Long businessId,
        @JsonProperty("name") String name,
        @JsonProperty("billable") Boolean billable,
        @JsonProperty("vis_state") VisState visState) {
}
