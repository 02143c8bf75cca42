package io.mlconnector.core.sync;

import io.mlconnector.core.error.ConnectorException;

/** The amounts allocated to cost codes do not add up to the document's total; the record is dead-lettered. */
public class AllocationMismatchException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public AllocationMismatchException(String message) {
        super(message);
    }
}
