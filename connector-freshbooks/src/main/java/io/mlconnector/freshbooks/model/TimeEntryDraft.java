package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Fields to create or update a time entry; {@code duration} in seconds, {@code startedAt} UTC. */
public record TimeEntryDraft(
        @JsonProperty("is_logged") Boolean isLogged,
        @JsonProperty("duration") Long duration,
        @JsonProperty("note") String note,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("client_id") Long clientId,
        @JsonProperty("project_id") Long projectId,
        @JsonProperty("service_id") Long serviceId,
        @JsonProperty("billable") Boolean billable,
        @JsonProperty("internal") Boolean internal) {

    /**
     * A logged entry of {@code seconds} starting at {@code startedAt} on a project.
     *
     * @param startedAt the started at
     * @param seconds the seconds
     * @param note the note
     * @param clientId the OAuth client id
     * @param projectId the project's id
     * @return a logged entry of {@code seconds} starting at {@code startedAt} on a project
     */
    public static TimeEntryDraft logged(Instant startedAt, long seconds, String note, Long clientId, Long projectId) {
        return new TimeEntryDraft(true, seconds, note, startedAt, clientId, projectId, null, null, null);
    }
}
