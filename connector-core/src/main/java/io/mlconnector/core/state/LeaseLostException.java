package io.mlconnector.core.state;

import io.mlconnector.core.error.ConnectorException;

/** A worker tried to settle a work item whose lease it no longer holds (it expired and another worker took it). */
public class LeaseLostException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(String itemId, String owner) {
        super("work item " + itemId + " is no longer leased by " + owner);
    }
}
