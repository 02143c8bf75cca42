package io.mlconnector.core.error;

/** The resource does not exist, or the caller cannot see it (HTTP 404). */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API error
     */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
