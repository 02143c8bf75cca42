package io.mlconnector.core.audit;

import io.mlconnector.core.error.ConnectorException;

/** An audit line could not be read; the message names the line (1-based) and the problem. */
public class AuditFormatException extends ConnectorException {
    private static final long serialVersionUID = 1L;
    /** The 1-based line of the malformed entry. */
    private final int line;

    /**
     * Creates the exception.
     *
     * @param line the line
     * @param problem the problem
     * @param cause the underlying failure
     */
    public AuditFormatException(int line, String problem, Throwable cause) {
        super((line > 0 ? "line " + line + ": " : "") + problem, cause);
        this.line = line;
    }

    /**
     * The offending line, 1-based, or 0 when reading a single line.
     *
     * @return the offending line, 1-based, or 0 when reading a single line
     */
    public int line() {
        return line;
    }
}
