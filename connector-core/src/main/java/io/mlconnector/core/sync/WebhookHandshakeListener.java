package io.mlconnector.core.sync;

/**
 * Host callback for FreshBooks webhook verification handshakes. The verification code is the secret FreshBooks
 * signs later deliveries with, so the host stores it (e.g. in its credential store) and configures the connection's
 * FreshBooks verifier with it. It is handed over only after FreshBooks accepted the confirmation, which proves it
 * genuine.
 */
public interface WebhookHandshakeListener {

    /**
     * A handshake arrived and a confirmation was queued. No secret is passed here.
     *
     * @param connectionId the connection's id
     * @param callbackId the callback id
     */
    default void onHandshakeReceived(String connectionId, String callbackId) {
    }

    /**
     * FreshBooks accepted the confirmation: {@code verifier} is now the signing secret of that callback.
     *
     * @param connectionId the connection's id
     * @param callbackId the callback id
     * @param verifier the verifier
     */
    default void onWebhookConfirmed(String connectionId, String callbackId, String verifier) {
    }

    /**
     * A listener that does nothing.
     *
     * @return the {@code WebhookHandshakeListener}
     */
    static WebhookHandshakeListener none() {
        return new WebhookHandshakeListener() {
        };
    }
}
