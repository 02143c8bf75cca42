package io.mlconnector.core.error;

/** The request was understood but rejected by a business or validation rule (HTTP 400/422). */
public class ValidationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ValidationException(ApiError error) {
        super(error);
    }
}
