package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A legacy journal entry to create: balanced debit and credit lines on sub-accounts. */
public record JournalEntryDraft(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("user_entered_date") LocalDate userEnteredDate,
        @JsonProperty("details") List<Line> details) {

    /**
     * Checks the components.
     *
     * @param name the name
     * @param description the description
     * @param currencyCode the ISO 4217 currency code
     * @param userEnteredDate the user entered date
     * @param details the details
     */
    public JournalEntryDraft {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** One debit or credit on a sub-account. */
    public record Line(
            @JsonProperty("sub_accountid") Long subAccountId,
            @JsonProperty("debit") BigDecimal debit,
            @JsonProperty("credit") BigDecimal credit,
            @JsonProperty("description") String description) {

        /**
         * A debit line.
         *
         * @param subAccountId the sub-account debited
         * @param amount the amount
         * @return the line
         */
        public static Line debit(long subAccountId, BigDecimal amount) {
            return new Line(subAccountId, amount, null, null);
        }

        /**
         * A credit line.
         *
         * @param subAccountId the sub-account credited
         * @param amount the amount
         * @return the line
         */
        public static Line credit(long subAccountId, BigDecimal amount) {
            return new Line(subAccountId, null, amount, null);
        }
    }
}
