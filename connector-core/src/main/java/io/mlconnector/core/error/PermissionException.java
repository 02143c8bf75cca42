package io.mlconnector.core.error;

/** The credentials are valid but lack a permission, scope or project access (HTTP 403). */
public class PermissionException extends ApiException {
    private static final long serialVersionUID = 1L;

    public PermissionException(ApiError error) {
        super(error);
    }
}
