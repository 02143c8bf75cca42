package io.mlconnector.core.sync.reconcile;

import io.mlconnector.core.error.ConnectorException;

/** A reconciliation report's JSON could not be read back ({@link ReconciliationReport#fromJson}); says what is wrong. */
public class ReportFormatException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param problem what is wrong with the document
     * @param cause the underlying failure, or null
     */
    public ReportFormatException(String problem, Throwable cause) {
        super(problem, cause);
    }
}
