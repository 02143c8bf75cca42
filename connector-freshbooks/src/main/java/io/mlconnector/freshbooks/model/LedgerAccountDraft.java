package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Fields to create or update a ledger account; create requires name, sub type and parent account. */
public record LedgerAccountDraft(
        @JsonProperty("name") String name,
        @JsonProperty("number") String number,
        @JsonProperty("description") String description,
        @JsonProperty("sub_type") String subType,
        @JsonProperty("parent_account") String parentAccount) {
}
