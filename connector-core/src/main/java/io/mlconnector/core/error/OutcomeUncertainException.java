package io.mlconnector.core.error;

/**
 * A non-idempotent request (a create) was sent but no answer arrived: the object may or may not exist.
 * The transport never re-sends such a request; the caller must look the object up (by origin id or
 * marker) before trying again.
 */
public class OutcomeUncertainException extends TransportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public OutcomeUncertainException(String message, Throwable cause) {
        super(message, cause);
    }
}
