package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.BalanceListDeserializer;
import io.mlconnector.freshbooks.internal.json.UtcTimestampDeserializer;
import java.time.Instant;
import java.util.List;

/**
 * A bill vendor ({@code /accounting/account/{account_id}/bill_vendors/bill_vendors}); its id is {@code vendorid}.
 * Timestamps are read as UTC like the python SDK (the node SDK reads them as Eastern; UNCONFIRMED).
 */
public record BillVendor(
        @JsonProperty("vendorid") @JsonAlias("id") long id,
        @JsonProperty("vendor_name") String vendorName,
        @JsonProperty("account_number") String accountNumber,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("language") String language,
        @JsonProperty("is_1099") Boolean is1099,
        @JsonProperty("note") String note,
        @JsonProperty("phone") String phone,
        @JsonProperty("website") String website,
        @JsonProperty("street") String street,
        @JsonProperty("street2") String street2,
        @JsonProperty("city") String city,
        @JsonProperty("province") String province,
        @JsonProperty("postal_code") String postalCode,
        @JsonProperty("country") String country,
        @JsonProperty("primary_contact_email") String primaryContactEmail,
        @JsonProperty("primary_contact_first_name") String primaryContactFirstName,
        @JsonProperty("primary_contact_last_name") String primaryContactLastName,
        @JsonProperty("tax_defaults") List<VendorTaxDefault> taxDefaults,
        @JsonProperty("outstanding_balance") @JsonDeserialize(using = BalanceListDeserializer.class) List<Money> outstandingBalance,
        @JsonProperty("overdue_balance") @JsonDeserialize(using = BalanceListDeserializer.class) List<Money> overdueBalance,
        @JsonProperty("created_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant createdAt,
        @JsonProperty("updated_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant updatedAt,
        @JsonProperty("vis_state") VisState visState) {

    /**
     * Checks the components.
     *
     * @param id the object's id
     * @param vendorName the vendor name
     * @param accountNumber the account number
     * @param currencyCode the ISO 4217 currency code
     * @param language the language
     * @param is1099 the is1099 boolean
     * @param note the note
     * @param phone the phone
     * @param website the website
     * @param street the street
     * @param street2 the street2
     * @param city the city
     * @param province the province
     * @param postalCode the postal code
     * @param country the country
     * @param primaryContactEmail the primary contact email
     * @param primaryContactFirstName the primary contact first name
     * @param primaryContactLastName the primary contact last name
     * @param taxDefaults the tax defaults
     * @param outstandingBalance the outstanding balance
     * @param overdueBalance the overdue balance
     * @param createdAt the created at
     * @param updatedAt the updated at
     * @param visState the vis state
     */
    public BillVendor {
        taxDefaults = taxDefaults == null ? List.of() : List.copyOf(taxDefaults);
        outstandingBalance = outstandingBalance == null ? List.of() : List.copyOf(outstandingBalance);
        overdueBalance = overdueBalance == null ? List.of() : List.copyOf(overdueBalance);
    }
}
