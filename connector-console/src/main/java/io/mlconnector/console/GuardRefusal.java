package io.mlconnector.console;

import java.util.Objects;

/**
 * Why the {@link OperatorGuard} refused a request.
 *
 * @param status  401 for a missing or wrong token, 403 for anything else (not loopback, cross-site)
 * @param message what was wrong, in plain words (never echoes the token)
 */
public record GuardRefusal(int status, String message) {
    /**
     * Checks the components.
     *
     * @param status 401 or 403
     * @param message what was wrong
     */
    public GuardRefusal {
        if (status != 401 && status != 403) {
            throw new IllegalArgumentException("a refusal is 401 or 403: " + status);
        }
        Objects.requireNonNull(message, "message");
    }
}
