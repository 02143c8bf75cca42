package io.mlconnector.core.port;

import io.mlconnector.core.error.ConnectorException;

/** The target object exists but the target system no longer allows it to be edited (approved, locked, paid). */
public class EditNotAllowedException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public EditNotAllowedException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public EditNotAllowedException(String message, Throwable cause) {
        super(message, cause);
    }
}
