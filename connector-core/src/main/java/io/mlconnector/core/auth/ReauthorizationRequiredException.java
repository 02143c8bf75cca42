package io.mlconnector.core.auth;

import io.mlconnector.core.error.ConnectorException;

/**
 * The stored grant can no longer produce tokens (refresh token used or revoked, {@code invalid_grant}):
 * a person must authorize the app again. Never retried automatically.
 */
public class ReauthorizationRequiredException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public ReauthorizationRequiredException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ReauthorizationRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
