package io.mlconnector.core.error;

/** The request conflicts with the current state of the resource (HTTP 409). */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API error
     */
    public ConflictException(ApiError error) {
        super(error);
    }
}
