package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.UtcTimestampDeserializer;
import java.time.Instant;
import java.util.List;

/**
 * A ledger account of the current chart of accounts ({@code /accounting/businesses/{business_uuid}/ledger_accounts/accounts},
 * envelope {@code {"data": ...}}). {@code subAccounts} are uuids.
 */
public record LedgerAccount(
        @JsonProperty("uuid") String uuid,
        @JsonProperty("name") String name,
        @JsonProperty("number") String number,
        @JsonProperty("description") String description,
        @JsonProperty("type") String type,
        @JsonProperty("sub_type") String subType,
        @JsonProperty("system_account_name") String systemAccountName,
        @JsonProperty("parent_account") String parentAccount,
        @JsonProperty("sub_accounts") List<String> subAccounts,
        @JsonProperty("auto_created") Boolean autoCreated,
        @JsonProperty("state") String state,
        @JsonProperty("updated_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant updatedAt) {

    /**
     * Checks the components.
     *
     * @param uuid the UUID
     * @param name the name
     * @param number the number
     * @param description the description
     * @param type the type
     * @param subType the sub type
     * @param systemAccountName the system account name
     * @param parentAccount the parent account
     * @param subAccounts the sub accounts
     * @param autoCreated the auto created
     * @param state the state
     * @param updatedAt the updated at
     */
    public LedgerAccount {
        subAccounts = subAccounts == null ? List.of() : List.copyOf(subAccounts);
    }
}
