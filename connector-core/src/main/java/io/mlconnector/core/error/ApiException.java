package io.mlconnector.core.error;

import java.util.List;

/**
 * A remote API answered with a non-success status. Subclasses name the common cases; the
 * {@link ApiError} carries status, error codes, field errors and the request id.
 */
public class ApiException extends ConnectorException {
    private static final long serialVersionUID = 1L;
    private final transient ApiError error;

    /**
     * Creates the exception.
     *
     * @param error the API error
     */
    public ApiException(ApiError error) {
        super(describe(error));
        this.error = error;
    }

    private static String describe(ApiError e) {
        StringBuilder sb = new StringBuilder("HTTP ").append(e.status());
        if (e.message() != null) {
            sb.append(": ").append(e.message());
        }
        if (!e.errorCodes().isEmpty()) {
            sb.append(" codes=").append(e.errorCodes());
        }
        if (!e.fieldErrors().isEmpty()) {
            sb.append(" fields=").append(e.fieldErrors());
        }
        if (e.requestId() != null) {
            sb.append(" requestId=").append(e.requestId());
        }
        return sb.toString();
    }

    /**
     * The error.
     *
     * @return the error
     */
    public ApiError error() {
        return error;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status code
     */
    public int status() {
        return error.status();
    }

    /**
     * The vendor's error codes from the body, if any.
     *
     * @return the error codes, possibly empty
     */
    public List<String> errorCodes() {
        return error.errorCodes();
    }

    /**
     * The vendor's per-field validation messages, if any.
     *
     * @return the field errors, possibly empty
     */
    public List<FieldError> fieldErrors() {
        return error.fieldErrors();
    }

    /**
     * The vendor's request id, for support tickets.
     *
     * @return the request id, or null when the answer had none
     */
    public String requestId() {
        return error.requestId();
    }

    /**
     * Maps an {@link ApiError} to the most specific exception type for its status.
     *
     * @param error the API error
     * @return the for error
     */
    public static ApiException forError(ApiError error) {
        int s = error.status();
        if (s == 401) {
            return new AuthenticationException(error);
        }
        if (s == 403) {
            return new PermissionException(error);
        }
        if (s == 404) {
            return new NotFoundException(error);
        }
        if (s == 409) {
            return new ConflictException(error);
        }
        if (s == 400 || s == 406 || s == 413 || s == 422) {
            return new ValidationException(error);
        }
        if (s == 429) {
            return new RateLimitedException(error, null);
        }
        if (s >= 500) {
            return new ServerException(error);
        }
        return new ApiException(error);
    }
}
