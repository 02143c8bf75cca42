package io.mlconnector.core.port;

import io.mlconnector.core.webhook.WebhookRequest;

/**
 * Parses a vendor's webhook body into an {@link InboundEvent} without verifying it (verification needs the
 * connection's secret, which the routing key of the parsed event selects). Must be fast and must not call any
 * remote API.
 */
@FunctionalInterface
public interface WebhookParser {

    /**
     * Reads a verified webhook into an event.
     *
     * @param request the webhook as received
     * @return the event
     */
    InboundEvent parse(WebhookRequest request);
}
