package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A FreshBooks business and its three ids: {@code id} (business_id: projects, time tracking), {@code account_id}
 * (accounting, events) and {@code business_uuid} (ledger accounts).
 */
public record Business(
        @JsonProperty("id") long id,
        @JsonProperty("business_uuid") String businessUuid,
        @JsonProperty("name") String name,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("date_format") String dateFormat,
        @JsonProperty("address") BusinessAddress address,
        @JsonProperty("phone_number") PhoneNumber phoneNumber,
        @JsonProperty("business_clients") List<BusinessClientLink> businessClients) {

    /**
     * Checks the components.
     *
     * @param id the object's id
     * @param businessUuid the business UUID
     * @param name the name
     * @param accountId the FreshBooks account id
     * @param timezone the timezone
     * @param dateFormat the date format
     * @param address the business address
     * @param phoneNumber the phone number
     * @param businessClients the business clients
     */
    public Business {
        businessClients = businessClients == null ? List.of() : List.copyOf(businessClients);
    }
}
