package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user's membership in a business. Its own {@code id} is NOT the business id: use {@link #business()}.
 * Role {@code client} means the user is a client of that business, not someone who can sync its books.
 */
public record BusinessMembership(
        @JsonProperty("id") Long id,
        @JsonProperty("role") String role,
        @JsonProperty("unacknowledged_change") Boolean unacknowledgedChange,
        @JsonProperty("business") Business business) {

    /**
     * Whether this membership is the {@code client} role.
     *
     * @return whether this membership is the {@code client} role
     */
    public boolean isClientRole() {
        return "client".equalsIgnoreCase(role);
    }
}
