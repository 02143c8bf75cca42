/**
 * FreshBooks webhook deliveries: form parsing, HMAC-SHA256 signature verification, and
 * {@link io.mlconnector.freshbooks.webhook.CallbackVerifierStore}, the per-connection verifier whose callback
 * verifiers grow with each confirmed handshake and are kept in the (encrypted) credential store.
 */
package io.mlconnector.freshbooks.webhook;
