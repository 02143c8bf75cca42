package io.mlconnector.core.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * A token manager asked its token source for a new access token.
 *
 * @param system   which API the token is for ({@code freshbooks}, {@code procore}, or {@code token} when unnamed)
 * @param outcome  how it ended
 * @param duration how long the refresh took, by the token manager's clock
 * @param failure  why it failed (exception class and message, never a token), or null
 */
public record TokenRefreshEvent(String system, TokenRefreshOutcome outcome, Duration duration, String failure) {
    /**
     * Checks the required components.
     *
     * @param system which API the token is for ({@code freshbooks}, {@code procore}, or {@code token} when unnamed)
     * @param outcome how it ended
     * @param duration how long the refresh took, by the token manager's clock
     * @param failure why it failed (exception class and message, never a token), or null
     */
    public TokenRefreshEvent {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }
}
