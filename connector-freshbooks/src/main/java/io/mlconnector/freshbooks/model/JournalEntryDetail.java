package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.LenientDateDeserializer;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One debit or credit of a legacy journal entry (also listed by {@code journal_entries/journal_entry_details}). */
public record JournalEntryDetail(
        @JsonProperty("id") @JsonAlias("detailid") long id,
        @JsonProperty("entryid") Long entryId,
        @JsonProperty("sub_accountid") Long subAccountId,
        @JsonProperty("debit") BigDecimal debit,
        @JsonProperty("credit") BigDecimal credit,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("description") String description,
        @JsonProperty("name") String name,
        @JsonProperty("user_entered_date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate userEnteredDate) {
}
