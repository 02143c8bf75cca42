package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.freshbooks.internal.json.UtcTimestampDeserializer;
import java.time.Instant;

/**
 * A webhook registration ({@code /events/account/{account_id}/events/callbacks}). New callbacks are unverified until
 * the verifier from the handshake is sent back. {@code updated_at} arrives as ISO with {@code Z} or naive; naive
 * is read as UTC (UNCONFIRMED).
 */
public record Callback(
        @JsonProperty("callbackid") @JsonAlias("id") long id,
        @JsonProperty("event") String event,
        @JsonProperty("uri") String uri,
        @JsonProperty("verified") Boolean verified,
        @JsonProperty("updated_at") @JsonDeserialize(using = UtcTimestampDeserializer.class) Instant updatedAt) {
}
