package io.mlconnector.core.mapping;

import io.mlconnector.core.error.ConnectorException;

/**
 * A mapping import file is malformed; the message names the line (1-based) and what is wrong with it. Imports
 * validate the whole file first, so nothing was imported when this is thrown.
 */
public class MappingFormatException extends ConnectorException {
    private static final long serialVersionUID = 1L;
    /** The 1-based line of the malformed row. */
    private final int line;

    /**
     * Creates the exception.
     *
     * @param line the line
     * @param problem the problem
     */
    public MappingFormatException(int line, String problem) {
        this(line, problem, null);
    }

    /**
     * Creates the exception.
     *
     * @param line the line
     * @param problem the problem
     * @param cause the underlying failure
     */
    public MappingFormatException(int line, String problem, Throwable cause) {
        super((line > 0 ? "line " + line + ": " : "") + problem, cause);
        this.line = line;
    }

    /**
     * The offending line, 1-based, or 0 when the problem is not tied to one line.
     *
     * @return the offending line, 1-based, or 0 when the problem is not tied to one line
     */
    public int line() {
        return line;
    }
}
