package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A sub-account of a legacy journal-entry account; journal entry details post to {@code sub_accountid}. */
public record SubAccount(
        @JsonProperty("id") @JsonAlias("sub_accountid") Long id,
        @JsonProperty("account_sub_name") String name,
        @JsonProperty("account_sub_number") String number,
        @JsonProperty("parentid") Long parentId,
        @JsonProperty("account_type") String accountType,
        @JsonProperty("balance") BigDecimal balance,
        @JsonProperty("custom") Boolean custom,
        @JsonProperty("transaction_posted") Boolean transactionPosted) {
}
