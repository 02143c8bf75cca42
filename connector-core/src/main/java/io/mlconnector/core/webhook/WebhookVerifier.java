package io.mlconnector.core.webhook;

/** Decides whether an inbound webhook really comes from the vendor. */
@FunctionalInterface
public interface WebhookVerifier {

    /**
     * @throws WebhookVerificationException with a typed reason when the request must be rejected
     */
    void verify(WebhookRequest request);
}
