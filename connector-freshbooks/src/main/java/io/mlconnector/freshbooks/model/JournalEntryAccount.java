package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.EasternTimestampDeserializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A legacy chart-of-accounts account with its sub-accounts ({@code journal_entry_accounts/journal_entry_accounts}). */
public record JournalEntryAccount(
        @JsonProperty("id") Long id,
        @JsonProperty("accountid") String accountId,
        @JsonProperty("account_name") String accountName,
        @JsonProperty("account_number") String accountNumber,
        @JsonProperty("account_type") String accountType,
        @JsonProperty("balance") BigDecimal balance,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("created_at") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant createdAt,
        @JsonProperty("sub_accounts") List<SubAccount> subAccounts) {

    /**
     * Checks the components.
     *
     * @param id the object's id
     * @param accountId the FreshBooks account id
     * @param accountName the account name
     * @param accountNumber the account number
     * @param accountType the account type
     * @param balance the balance
     * @param currencyCode the ISO 4217 currency code
     * @param createdAt the created at
     * @param subAccounts the sub accounts
     */
    public JournalEntryAccount {
        subAccounts = subAccounts == null ? List.of() : List.copyOf(subAccounts);
    }
}
