package io.mlconnector.core.error;

/**
 * Root of every exception ml-connector throws. Unchecked, so callers decide where to handle failures;
 * each module's own exceptions extend this type (or one of its subclasses).
 */
public class ConnectorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public ConnectorException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether repeating the same operation later may succeed without any change on our side.
     *
     * @return whether repeating the same operation later may succeed without any change on our side
     */
    public boolean isRetryable() {
        return false;
    }
}
