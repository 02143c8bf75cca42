package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.UtcTimestampDeserializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticated user ({@code GET /auth/api/v1/users/me}) with the businesses they belong to. Use
 * {@link #businesses()} to discover the account id, business id and business uuid instead of typing them in.
 */
public record Identity(
        @JsonProperty("id") Long id,
        @JsonProperty("identity_id") Long identityId,
        @JsonProperty("identity_uuid") String identityUuid,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("email") String email,
        @JsonProperty("language") String language,
        @JsonProperty("confirmed_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant confirmedAt,
        @JsonProperty("created_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant createdAt,
        @JsonProperty("business_memberships") List<BusinessMembership> businessMemberships,
        @JsonProperty("roles") List<IdentityRole> roles,
        @JsonProperty("groups") List<IdentityGroup> groups,
        @JsonProperty("permissions") Map<String, Map<String, Object>> permissions,
        @JsonProperty("subscription_statuses") Map<String, String> subscriptionStatuses) {

    /**
     * Checks the components.
     *
     * @param id the object's id
     * @param identityId the identity id
     * @param identityUuid the identity UUID
     * @param firstName the first name
     * @param lastName the last name
     * @param email the email
     * @param language the language
     * @param confirmedAt the confirmed at
     * @param createdAt the created at
     * @param businessMemberships the business memberships
     * @param roles the roles
     * @param groups the groups
     * @param permissions the permissions
     * @param subscriptionStatuses the subscription statuses
     */
    public Identity {
        businessMemberships = businessMemberships == null ? List.of() : List.copyOf(businessMemberships);
        roles = roles == null ? List.of() : List.copyOf(roles);
        groups = groups == null ? List.of() : List.copyOf(groups);
        permissions = permissions == null ? Map.of() : permissions;
        subscriptionStatuses = subscriptionStatuses == null ? Map.of() : subscriptionStatuses;
    }

    /**
     * The identity id webhooks report as {@code identity_id} ({@code identity_id}, else {@code id}).
     *
     * @return the identity id webhooks report as {@code identity_id} ({@code identity_id}, else {@code id})
     */
    public Long effectiveIdentityId() {
        return identityId != null ? identityId : id;
    }

    /**
     * The businesses this user can sync: every membership's business except those where the user is only a
     * {@code client} of another business.
     *
     * @return the businesses this user can sync: every membership's business except those where the user is only a
     *     {@code client} of another business
     */
    public List<Business> businesses() {
        return businessMemberships.stream()
                .filter(m -> m.business() != null && !m.isClientRole())
                .map(BusinessMembership::business)
                .toList();
    }

    /**
     * The syncable business with this account id.
     *
     * @param accountId the FreshBooks account id
     * @return the syncable business with this account id
     */
    public Optional<Business> businessByAccountId(String accountId) {
        return businesses().stream().filter(b -> accountId.equals(b.accountId())).findFirst();
    }

    /**
     * The syncable business with this business id.
     *
     * @param businessId the FreshBooks business id
     * @return the syncable business with this business id
     */
    public Optional<Business> businessById(long businessId) {
        return businesses().stream().filter(b -> b.id() == businessId).findFirst();
    }
}
