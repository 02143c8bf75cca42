package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.BalanceListDeserializer;
import io.mlconnector.freshbooks.internal.json.EasternTimestampDeserializer;
import io.mlconnector.freshbooks.internal.json.UtcTimestampDeserializer;
import java.time.Instant;
import java.util.List;

/**
 * A client ({@code /accounting/account/{account_id}/users/clients}); its id is also {@code userid}, which invoices
 * reference as {@code customerid}. {@code signup_date} is UTC, {@code updated} Eastern.
 */
public record Client(
        @JsonProperty("id") @JsonAlias("userid") long id,
        @JsonProperty("fname") String firstName,
        @JsonProperty("lname") String lastName,
        @JsonProperty("email") String email,
        @JsonProperty("organization") String organization,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("language") String language,
        @JsonProperty("username") String username,
        @JsonProperty("note") String note,
        @JsonProperty("bus_phone") String businessPhone,
        @JsonProperty("mob_phone") String mobilePhone,
        @JsonProperty("home_phone") String homePhone,
        @JsonProperty("fax") String fax,
        @JsonProperty("p_street") String street,
        @JsonProperty("p_street2") String street2,
        @JsonProperty("p_city") String city,
        @JsonProperty("p_province") String province,
        @JsonProperty("p_code") String postalCode,
        @JsonProperty("p_country") String country,
        @JsonProperty("vat_name") String vatName,
        @JsonProperty("vat_number") String vatNumber,
        @JsonProperty("uuid") String uuid,
        @JsonProperty("outstanding_balance") @JsonDeserialize(using = BalanceListDeserializer.class) List<Money> outstandingBalance,
        @JsonProperty("signup_date") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant signupDate,
        @JsonProperty("updated") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant updated,
        @JsonProperty("vis_state") VisState visState) {

    /**
     * Checks the components.
     *
     * @param id the object's id
     * @param firstName the first name
     * @param lastName the last name
     * @param email the email
     * @param organization the organization
     * @param currencyCode the ISO 4217 currency code
     * @param language the language
     * @param username the username
     * @param note the note
     * @param businessPhone the business phone
     * @param mobilePhone the mobile phone
     * @param homePhone the home phone
     * @param fax the fax
     * @param street the street
     * @param street2 the street2
     * @param city the city
     * @param province the province
     * @param postalCode the postal code
     * @param country the country
     * @param vatName the vat name
     * @param vatNumber the vat number
     * @param uuid the UUID
     * @param outstandingBalance the outstanding balance
     * @param signupDate the signup date
     * @param updated the updated
     * @param visState the vis state
     */
    public Client {
        outstandingBalance = outstandingBalance == null ? List.of() : List.copyOf(outstandingBalance);
    }
}
