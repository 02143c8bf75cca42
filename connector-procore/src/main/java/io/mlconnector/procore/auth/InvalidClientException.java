package io.mlconnector.procore.auth;

import io.mlconnector.core.error.ConfigurationException;

/**
 * Procore's login service refused the service account's client credentials ({@code invalid_client},
 * {@code unauthorized_client}…): the id or secret is wrong, revoked, or meant for another environment
 * (sandbox credentials on the production host). Never retried; fix the configuration.
 */
public class InvalidClientException extends ConfigurationException {
    private static final long serialVersionUID = 1L;
    /** The OAuth error code of the answer, e.g. {@code invalid_client}. */
    private final String errorCode;

    /**
     * Creates the exception.
     *
     * @param errorCode the error code
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public InvalidClientException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /**
     * The OAuth error code, e.g. {@code invalid_client}.
     *
     * @return the OAuth error code, e.g
     */
    public String errorCode() {
        return errorCode;
    }
}
