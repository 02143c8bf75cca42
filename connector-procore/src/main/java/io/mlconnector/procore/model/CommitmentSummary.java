package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of the cross-type commitments list ({@code GET /rest/v1.0/commitments}).
 */
public record CommitmentSummary(long id,
                                String title,
                                String number,
                                String status,
                                String description,
                                Boolean executed,
                                LocalDate deliveryDate,
                                @JsonProperty("private") Boolean isPrivate,
                                @JsonDeserialize(using = VendorRefDeserializer.class) VendorRef vendor,
                                Instant createdAt) {
}
