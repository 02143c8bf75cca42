package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Fields to create or update a bill vendor; null fields are not sent, never {@code vis_state}. */
public record BillVendorDraft(
        @JsonProperty("vendor_name") String vendorName,
        @JsonProperty("account_number") String accountNumber,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("language") String language,
        @JsonProperty("is_1099") Boolean is1099,
        @JsonProperty("primary_contact_email") String primaryContactEmail,
        @JsonProperty("primary_contact_first_name") String primaryContactFirstName,
        @JsonProperty("primary_contact_last_name") String primaryContactLastName,
        @JsonProperty("phone") String phone,
        @JsonProperty("website") String website,
        @JsonProperty("street") String street,
        @JsonProperty("street2") String street2,
        @JsonProperty("city") String city,
        @JsonProperty("province") String province,
        @JsonProperty("postal_code") String postalCode,
        @JsonProperty("country") String country,
        @JsonProperty("note") String note) {

    /**
     * A vendor with a name, optional account number and currency.
     *
     * @param vendorName the vendor name
     * @param accountNumber the account number
     * @param currencyCode the ISO 4217 currency code
     * @return the {@code BillVendorDraft}
     */
    public static BillVendorDraft of(String vendorName, String accountNumber, String currencyCode) {
        return new BillVendorDraft(vendorName, accountNumber, currencyCode, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }
}
