package io.mlconnector.core.error;

/** The API failed on its side (HTTP 5xx); retryable for idempotent requests. */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API error
     */
    public ServerException(ApiError error) {
        super(error);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
