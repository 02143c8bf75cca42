package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A team (group) membership of the user ({@code groups[]}). */
public record IdentityGroup(
        @JsonProperty("id") Long id,
        @JsonProperty("group_id") Long groupId,
        @JsonProperty("role") String role,
        @JsonProperty("identity_id") Long identityId,
        @JsonProperty("business_id") Long businessId,
        @JsonProperty("active") Boolean active) {
}
