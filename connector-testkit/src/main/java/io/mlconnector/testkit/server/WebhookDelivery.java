package io.mlconnector.testkit.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One outgoing webhook attempt as a sandbox recorded it.
 *
 * @param id             sequence number of the attempt within the sandbox
 * @param eventId        id of the event (several attempts share it when retried or duplicated)
 * @param event          event name, e.g. {@code bill.create} or {@code Direct Costs.update}
 * @param url            destination
 * @param requestHeaders headers sent (besides Content-Type)
 * @param requestBody    body sent
 * @param attempt        1 for the first attempt, 2 for the first retry, ...
 * @param outcome        how it ended
 * @param responseStatus receiver's HTTP status, 0 when there was none
 * @param responseBody   receiver's body (truncated), may be empty
 * @param error          transport error text, or null
 * @param startedAt      start (sandbox clock)
 * @param completedAt    end (sandbox clock)
 * @param responseTime   wall time of the attempt
 */
public record WebhookDelivery(long id, long eventId, String event, String url, Map<String, String> requestHeaders,
                              String requestBody, int attempt, DeliveryOutcome outcome, int responseStatus,
                              String responseBody, String error, Instant startedAt, Instant completedAt,
                              Duration responseTime) {

    /**
     * Whether the receiver accepted it.
     *
     * @return whether the receiver accepted it
     */
    public boolean succeeded() {
        return outcome == DeliveryOutcome.OK;
    }
}
