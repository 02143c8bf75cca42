package io.mlconnector.core.model;

import io.mlconnector.core.error.ConnectorException;

/** Two amounts in different currencies were combined; the connector never converts silently. */
public class CurrencyMismatchException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param expected the expected
     * @param actual the actual
     */
    public CurrencyMismatchException(String expected, String actual) {
        super("currency mismatch: " + expected + " vs " + actual);
    }
}
