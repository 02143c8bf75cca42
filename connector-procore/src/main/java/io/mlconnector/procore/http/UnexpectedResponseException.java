package io.mlconnector.procore.http;

import io.mlconnector.core.error.ConnectorException;

/** Procore answered 2xx with a body this client cannot read as the documented shape. */
public class UnexpectedResponseException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public UnexpectedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
