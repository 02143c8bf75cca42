package io.mlconnector.core.state;

import io.mlconnector.core.error.ConnectorException;

/** A worker tried to settle a work item whose lease it no longer holds (it expired and another worker took it). */
public class LeaseLostException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param itemId the item id
     * @param owner the worker that holds the lease
     */
    public LeaseLostException(String itemId, String owner) {
        super("work item " + itemId + " is no longer leased by " + owner);
    }
}
