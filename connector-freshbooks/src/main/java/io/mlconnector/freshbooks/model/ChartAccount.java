package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * An account of the chart-of-accounts report ({@code /accounting/businesses/{business_uuid}/reports/chart_of_accounts}),
 * with nested sub-accounts that name their parent by uuid.
 */
public record ChartAccount(
        @JsonProperty("account_uuid") String uuid,
        @JsonProperty("account_name") String name,
        @JsonProperty("account_number") String number,
        @JsonProperty("account_type") String type,
        @JsonProperty("account_sub_type") String subType,
        @JsonProperty("balance") BigDecimal balance,
        @JsonProperty("system_account_name") String systemAccountName,
        @JsonProperty("auto_created") Boolean autoCreated,
        @JsonProperty("state") String state,
        @JsonProperty("parent_account_uuid") String parentUuid,
        @JsonProperty("sub_accounts") List<ChartAccount> subAccounts) {

    /**
     * Checks the components.
     *
     * @param uuid the UUID
     * @param name the name
     * @param number the number
     * @param type the type
     * @param subType the sub type
     * @param balance the balance
     * @param systemAccountName the system account name
     * @param autoCreated the auto created
     * @param state the state
     * @param parentUuid the parent UUID
     * @param subAccounts the sub accounts
     */
    public ChartAccount {
        subAccounts = subAccounts == null ? List.of() : List.copyOf(subAccounts);
    }
}
