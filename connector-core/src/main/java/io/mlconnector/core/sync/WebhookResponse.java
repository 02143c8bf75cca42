package io.mlconnector.core.sync;

import io.mlconnector.core.sync.internal.engine.JsonText;

/**
 * What the host writes back to the webhook sender: an HTTP status and a short JSON body. Produced by
 * {@link SyncEngine#onFreshBooksWebhook} and {@link SyncEngine#onProcoreWebhook} without any remote call.
 *
 * @param status HTTP status code (200, 400, 401, 413)
 * @param body   short JSON text ({@code {"status":"queued"}}); never contains a secret
 */
public record WebhookResponse(int status, String body) {

    /**
     * A 200 answer.
     *
     * @param state what became of the delivery ({@code queued}, {@code duplicate}, {@code ignored}, ...)
     * @return the response
     */
    public static WebhookResponse ok(String state) {
        return new WebhookResponse(200, "{\"status\":\"" + state + "\"}");
    }

    /**
     * An error answer.
     *
     * @param status the HTTP status
     * @param error  a short reason, never a secret
     * @return the response
     */
    public static WebhookResponse error(int status, String error) {
        return new WebhookResponse(status, "{\"error\":\"" + JsonText.escape(error) + "\"}");
    }

    /**
     * Whether the sender should consider the delivery successful (any 2xx).
     *
     * @return whether the sender should consider the delivery successful (any 2xx)
     */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}
