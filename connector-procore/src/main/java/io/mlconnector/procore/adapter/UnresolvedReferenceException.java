package io.mlconnector.procore.adapter;

import io.mlconnector.core.port.PostingBlockedException;

/**
 * A posting cannot be mapped onto Procore's objects: no SOV line for a cost code on the commitment, no WBS code
 * for a cost code + cost type, no prime contract, requisitions disabled, no open billing period. Raised before any
 * write, so nothing is half-posted; fix the mapping or the Procore setup and replay.
 */
public class UnresolvedReferenceException extends PostingBlockedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public UnresolvedReferenceException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public UnresolvedReferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
