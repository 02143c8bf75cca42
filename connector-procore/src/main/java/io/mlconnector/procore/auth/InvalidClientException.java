package io.mlconnector.procore.auth;

import io.mlconnector.core.error.ConfigurationException;

/**
 * Procore's login service refused the service account's client credentials ({@code invalid_client},
 * {@code unauthorized_client}…): the id or secret is wrong, revoked, or meant for another environment
 * (sandbox credentials on the production host). Never retried; fix the configuration.
 */
public class InvalidClientException extends ConfigurationException {
    private static final long serialVersionUID = 1L;
    private final String errorCode;

    public InvalidClientException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The OAuth error code, e.g. {@code invalid_client}. */
    public String errorCode() {
        return errorCode;
    }
}
