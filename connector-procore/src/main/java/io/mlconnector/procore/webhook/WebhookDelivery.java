package io.mlconnector.procore.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * One delivery attempt record of a hook ({@code GET /rest/v1.0/webhooks/hooks/{id}/deliveries}).
 *
 * @param id              delivery id, when sent
 * @param eventId         the event's id (~19 digits: a {@code long})
 * @param outcome         {@code ok|retried|failed|discarded}
 * @param responseStatus  our endpoint's HTTP status
 * @param responseError   the error Procore saw, if any
 * @param responseBody    our endpoint's body
 * @param responseHeaders our endpoint's headers
 * @param startedAt       start
 * @param completedAt     end
 * @param event           the event that was (not) delivered
 */
public record WebhookDelivery(Long id, Long eventId, String outcome, Integer responseStatus, String responseError,
                              String responseBody, Map<String, Object> responseHeaders, Instant startedAt,
                              Instant completedAt, ProcoreWebhookEvent event) {
}
