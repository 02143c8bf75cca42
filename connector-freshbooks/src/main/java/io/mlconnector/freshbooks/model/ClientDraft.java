package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Fields to create or update a client; at least one of first name, last name, email or organization is required
 * on create (422 otherwise). Null fields are not sent, never {@code vis_state}.
 */
public record ClientDraft(
        @JsonProperty("fname") String firstName,
        @JsonProperty("lname") String lastName,
        @JsonProperty("email") String email,
        @JsonProperty("organization") String organization,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("language") String language,
        @JsonProperty("bus_phone") String businessPhone,
        @JsonProperty("mob_phone") String mobilePhone,
        @JsonProperty("p_street") String street,
        @JsonProperty("p_street2") String street2,
        @JsonProperty("p_city") String city,
        @JsonProperty("p_province") String province,
        @JsonProperty("p_code") String postalCode,
        @JsonProperty("p_country") String country,
        @JsonProperty("note") String note) {

    /**
     * A client with just the identifying fields.
     *
     * @param firstName the first name
     * @param lastName the last name
     * @param email the email
     * @param organization the organization
     * @return the {@code ClientDraft}
     */
    public static ClientDraft of(String firstName, String lastName, String email, String organization) {
        return new ClientDraft(firstName, lastName, email, organization, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
