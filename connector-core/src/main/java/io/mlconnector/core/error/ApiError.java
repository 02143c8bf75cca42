package io.mlconnector.core.error;

import java.util.List;

/**
 * Vendor-neutral description of an error response, produced by each vendor module's error decoder
 * from whichever body shape the API used.
 *
 * @param status      HTTP status
 * @param message     best human-readable summary
 * @param errorCodes  API error codes (FreshBooks errno values, Procore error keys)
 * @param fieldErrors field-level errors
 * @param requestId   the server's request id header, when present
 * @param rawBody     the raw body (never contains our secrets; kept for diagnostics)
 */
public record ApiError(int status, String message, List<String> errorCodes, List<FieldError> fieldErrors,
                       String requestId, String rawBody) {
    /**
     * Checks the components.
     *
     * @param status HTTP status
     * @param message best human-readable summary
     * @param errorCodes API error codes (FreshBooks errno values, Procore error keys)
     * @param fieldErrors field-level errors
     * @param requestId the server's request id header, when present
     * @param rawBody the raw body (never contains our secrets; kept for diagnostics)
     */
    public ApiError {
        errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /**
     * An error with only a status and a message.
     *
     * @param status HTTP status
     * @param message best human-readable summary
     * @return the {@code ApiError}
     */
    public static ApiError of(int status, String message) {
        return new ApiError(status, message, List.of(), List.of(), null, null);
    }
}
