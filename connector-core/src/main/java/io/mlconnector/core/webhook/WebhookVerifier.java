package io.mlconnector.core.webhook;

/** Decides whether an inbound webhook really comes from the vendor. */
@FunctionalInterface
public interface WebhookVerifier {

    /**
     * Checks a webhook's authenticity; returns normally when it is authentic.
     *
     * @param request the webhook as received
     * @throws WebhookVerificationException when it is not authentic
     */
    void verify(WebhookRequest request);
}
