package io.mlconnector.core.observe;

import java.time.Instant;
import java.util.Objects;

/**
 * The engine saw a connection's grant refused for good ({@code ReauthorizationRequiredException}) while it polled or
 * worked: a person must authorize the app again. {@code SyncEngine.health()} reports the connection as needing it
 * until a later poll or posting of the connection succeeds.
 *
 * @param connectionId the connection
 * @param reason       the exception's message (never a token)
 * @param seenAt       when it was seen, by the engine's clock
 */
public record ReauthorizationEvent(String connectionId, String reason, Instant seenAt) {
    /**
     * Checks the required components.
     *
     * @param connectionId the connection
     * @param reason the exception's message (never a token)
     * @param seenAt when it was seen, by the engine's clock
     */
    public ReauthorizationEvent {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(seenAt, "seenAt");
    }
}
