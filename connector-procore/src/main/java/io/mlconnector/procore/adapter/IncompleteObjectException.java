package io.mlconnector.procore.adapter;

import io.mlconnector.core.error.ConnectorException;

/**
 * Procore returned an object but not a part of it that the sync needs (for example a change order whose line items
 * answer 404). Retryable: the caller tries again later rather than mistaking the object for a deleted one.
 */
public class IncompleteObjectException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public IncompleteObjectException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
