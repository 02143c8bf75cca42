package io.mlconnector.core.error;

/** The request was understood but rejected by a business or validation rule (HTTP 400/422). */
public class ValidationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API error
     */
    public ValidationException(ApiError error) {
        super(error);
    }
}
