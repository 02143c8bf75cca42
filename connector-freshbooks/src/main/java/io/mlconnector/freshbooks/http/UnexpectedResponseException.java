package io.mlconnector.freshbooks.http;

import io.mlconnector.core.error.ConnectorException;

/** A 2xx answer that does not have the documented shape (missing envelope key, unreadable JSON). */
public class UnexpectedResponseException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public UnexpectedResponseException(String message) {
        super(message);
    }

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
