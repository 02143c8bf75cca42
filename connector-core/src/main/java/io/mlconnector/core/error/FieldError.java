package io.mlconnector.core.error;

/**
 * One field-level problem reported by a remote API (for example "vendor: can't be blank").
 *
 * @param field   the field name as the API reported it, or {@code null} when the error is not tied to a field
 * @param code    the API's error code for this field (FreshBooks errno, Procore key), or {@code null}
 * @param message human-readable message from the API
 */
public record FieldError(String field, String code, String message) {
}
