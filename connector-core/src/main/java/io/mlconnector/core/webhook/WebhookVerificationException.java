package io.mlconnector.core.webhook;

import io.mlconnector.core.error.ConnectorException;

/** A webhook was rejected; the message never contains a secret or the expected signature. */
public class WebhookVerificationException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /** Why a webhook was rejected. */
    public enum Reason {
        /** The signature or secret header is absent. */
        MISSING_HEADER,
        /** The signature or secret does not match any active secret. */
        INVALID_SIGNATURE,
        /** The body exceeds the configured limit. */
        BODY_TOO_LARGE,
        /** The body cannot be parsed. */
        MALFORMED_BODY
    }

    /** Why the webhook was rejected. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason the reason
     * @param message what went wrong
     */
    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * The reason.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
