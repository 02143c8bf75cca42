package io.mlconnector.core.auth;

import io.mlconnector.core.error.ConnectorException;

/**
 * A stored credential exists but cannot be read back (truncated or edited file, unknown format). The message
 * names the credential key, never its content.
 */
public class CorruptCredentialException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public CorruptCredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
