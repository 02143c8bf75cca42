package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.UtcTimestampDeserializer;
import java.time.Instant;

/** A time entry ({@code /timetracking/business/{business_id}/time_entries}); {@code duration} is in seconds. */
public record TimeEntry(
        @JsonProperty("id") long id,
        @JsonProperty("identity_id") Long identityId,
        @JsonProperty("is_logged") Boolean isLogged,
        @JsonProperty("started_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant startedAt,
        @JsonProperty("local_started_at") String localStartedAt,
        @JsonProperty("local_timezone") String localTimezone,
        @JsonProperty("created_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant createdAt,
        @JsonProperty("duration") Long duration,
        @JsonProperty("client_id") Long clientId,
        @JsonProperty("project_id") Long projectId,
        @JsonProperty("service_id") Long serviceId,
        @JsonProperty("task_id") Long taskId,
        @JsonProperty("note") String note,
        @JsonProperty("active") Boolean active,
        @JsonProperty("billable") Boolean billable,
        @JsonProperty("billed") Boolean billed,
        @JsonProperty("internal") Boolean internal,
        @JsonProperty("retainer_id") Long retainerId,
        @JsonProperty("timer") Timer timer) {
}
