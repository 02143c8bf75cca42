package io.mlconnector.procore.request;

import java.util.List;

/**
 * Writable fields of a change event; {@code change_event_status_id} replaces the deprecated {@code status}.
 */
public record ChangeEventInput(String title,
                               String number,
                               Long changeEventStatusId,
                               String eventScope,
                               String eventType,
                               String description,
                               String originId,
                               String originData,
                               List<ChangeEventLineItemInput> changeEventLineItemsAttributes) {
}
