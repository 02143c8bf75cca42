package io.mlconnector.procore.model;

import java.time.Instant;
import java.util.List;

/**
 * A change event ({@code /rest/v1.0/change_events}).
 */
public record ChangeEvent(long id,
                          String number,
                          String alphanumericNumber,
                          String title,
                          String description,
                          String status,
                          String eventType,
                          String eventScope,
                          String originId,
                          String originData,
                          Long projectId,
                          List<ChangeEventLineItem> changeEventLineItems,
                          Instant createdAt,
                          Instant updatedAt,
                          Instant deletedAt) {
}
