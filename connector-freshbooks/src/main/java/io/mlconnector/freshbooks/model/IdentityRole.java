package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.UtcTimestampDeserializer;
import java.time.Instant;

/** A legacy role of the user in an account ({@code roles[]}). */
public record IdentityRole(
        @JsonProperty("id") Long id,
        @JsonProperty("role") String role,
        @JsonProperty("systemid") Long systemId,
        @JsonProperty("userid") Long userId,
        @JsonProperty("accountid") String accountId,
        @JsonProperty("created_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant createdAt) {
}
