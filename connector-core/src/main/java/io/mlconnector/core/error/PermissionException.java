package io.mlconnector.core.error;

/** The credentials are valid but lack a permission, scope or project access (HTTP 403). */
public class PermissionException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API error
     */
    public PermissionException(ApiError error) {
        super(error);
    }
}
