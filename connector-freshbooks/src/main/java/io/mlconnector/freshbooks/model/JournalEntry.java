package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.LenientDateDeserializer;
import java.time.LocalDate;
import java.util.List;

/** A (legacy, account_id) journal entry ({@code /accounting/account/{account_id}/journal_entries/journal_entries}). */
public record JournalEntry(
        @JsonProperty("id") @JsonAlias("entryid") long id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("user_entered_date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate userEnteredDate,
        @JsonProperty("details") List<JournalEntryDetail> details) {

    /**
     * Checks the components.
     *
     * @param id the object's id
     * @param name the name
     * @param description the description
     * @param currencyCode the ISO 4217 currency code
     * @param userEnteredDate the user entered date
     * @param details the details
     */
    public JournalEntry {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
