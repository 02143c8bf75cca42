package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.EasternTimestampDeserializer;
import java.time.Instant;

/** A legacy billable task ({@code /accounting/account/{account_id}/projects/tasks}); {@code rate} is money here. */
public record Task(
        @JsonProperty("id") @JsonAlias("taskid") long id,
        @JsonProperty("name") @JsonAlias("tname") String name,
        @JsonProperty("description") @JsonAlias("tdesc") String description,
        @JsonProperty("rate") Money rate,
        @JsonProperty("billable") Boolean billable,
        @JsonProperty("tax1") Long tax1,
        @JsonProperty("tax2") Long tax2,
        @JsonProperty("updated") @JsonDeserialize(using = EasternTimestampDeserializer.class) Instant updated,
        @JsonProperty("vis_state") VisState visState) {
}
