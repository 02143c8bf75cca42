package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.EasternTimestampDeserializer;
import java.time.Instant;

/**
 * An expense category ({@code /accounting/account/{account_id}/expenses/categories}, read-only): the account bill
 * lines and expenses post to. Categories are hierarchical through {@code parentid}.
 */
public record ExpenseCategory(
        @JsonProperty("id") @JsonAlias("categoryid") long id,
        @JsonProperty("category") String name,
        @JsonProperty("parentid") Long parentId,
        @JsonProperty("is_cogs") Boolean isCogs,
        @JsonProperty("is_editable") Boolean isEditable,
        @JsonProperty("transaction_posted") Boolean transactionPosted,
        @JsonProperty("created_at") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant createdAt,
        @JsonProperty("updated_at") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant updatedAt,
        @JsonProperty("vis_state") VisState visState) {
}
