package io.mlconnector.core.port;

import io.mlconnector.core.error.ConfigurationException;

/**
 * The target system's own setup prevents posting a record right now, and a person can fix it there: no open billing
 * period, the period already holds an invoice for that commitment, requisitions disabled, no prime contract, no
 * schedule-of-values line for a cost code. Raised before anything is written (or when the target refused the create),
 * so the engine flags the record ({@code FLAGGED_TARGET_SETUP}) and it waits for a replay.
 */
public class PostingBlockedException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public PostingBlockedException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public PostingBlockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
