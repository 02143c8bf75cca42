/**
 * Webhook authenticity: the {@link io.mlconnector.core.webhook.WebhookVerifier} SPI with an HMAC-SHA256 signature
 * verifier and a shared-secret header verifier, the raw {@link io.mlconnector.core.webhook.WebhookRequest} (headers
 * and untouched body bytes), and a signer for tests and sandboxes.
 */
package io.mlconnector.core.webhook;
