package io.mlconnector.core.error;

/**
 * An operator's request cannot be carried out as asked: there is no suggestion to confirm, the picked target is not
 * in the other system's list, the record or connection is unknown, or a value is malformed. Nothing was changed.
 */
public class OperatorRequestException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /** What was wrong with the request. */
    public enum Problem {
        /** Something the request names does not exist (no suggestion, no such record or connection). */
        NOT_FOUND,
        /** A value is malformed or not allowed (a target not in the list, an unknown kind). */
        INVALID
    }

    /** What was wrong with the request. */
    private final Problem problem;

    /**
     * Creates the exception.
     *
     * @param problem what was wrong
     * @param message what was wrong, in words
     */
    public OperatorRequestException(Problem problem, String message) {
        super(message);
        this.problem = java.util.Objects.requireNonNull(problem, "problem");
    }

    /**
     * What was wrong with the request.
     *
     * @return the problem
     */
    public Problem problem() {
        return problem;
    }
}
