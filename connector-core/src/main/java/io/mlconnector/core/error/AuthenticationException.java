package io.mlconnector.core.error;

/** The API refused our credentials (HTTP 401): the token is missing, expired or revoked. */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the API error
     */
    public AuthenticationException(ApiError error) {
        super(error);
    }
}
