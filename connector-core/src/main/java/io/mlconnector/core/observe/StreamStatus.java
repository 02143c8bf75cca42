package io.mlconnector.core.observe;

import io.mlconnector.core.port.SourceStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How the polls of one stream of a connection are going, as this engine saw them.
 *
 * @param stream              the stream
 * @param lastSuccess         when a poll of it last succeeded, or null
 * @param lastFailure         when a poll of it last failed, or null
 * @param lastError           why the last failed poll failed (kept after a recovery), or null
 * @param consecutiveFailures failed polls since the last success
 * @param failing             whether the failures reached the connection's {@code streamFailureThreshold}
 * @param lag                 the time since the last successful poll (changes newer than that may not be seen yet
 *                            if a webhook was lost), or null when no poll succeeded yet
 */
public record StreamStatus(SourceStream stream, Instant lastSuccess, Instant lastFailure, String lastError,
                           int consecutiveFailures, boolean failing, Duration lag) {
    /**
     * Checks the required components.
     *
     * @param stream the stream
     * @param lastSuccess when a poll of it last succeeded, or null
     * @param lastFailure when a poll of it last failed, or null
     * @param lastError why the last failed poll failed (kept after a recovery), or null
     * @param consecutiveFailures failed polls since the last success
     * @param failing whether the failures reached the connection's {@code streamFailureThreshold}
     * @param lag the time since the last successful poll (changes newer than that may not be seen yet if a webhook
     *     was lost), or null when no poll succeeded yet
     */
    public StreamStatus {
        Objects.requireNonNull(stream, "stream");
    }
}
