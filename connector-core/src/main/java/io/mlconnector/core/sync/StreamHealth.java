package io.mlconnector.core.sync;

import io.mlconnector.core.port.SourceStream;
import java.time.Instant;
import java.util.Objects;

/**
 * How the polls of one stream of one connection are going, as this engine saw them since it was built (a poll another
 * node led is not counted). A stream is {@link #failing()} once {@link SyncPolicy#streamFailureThreshold()} polls in a
 * row failed, and stays so until one succeeds. A poll of a Procore stream walks every mapped project: it fails when
 * any project's walk fails.
 *
 * @param connectionId        the connection
 * @param stream              the stream
 * @param lastSuccess         when a poll of the stream last succeeded, or null
 * @param lastFailure         when a poll of the stream last failed, or null
 * @param lastError           why the last failed poll failed (kept after a recovery), or null
 * @param consecutiveFailures failed polls since the last success
 * @param failing             whether the failures reached the threshold (reported by a {@code STREAM_FAILING} audit
 *                            event) and no poll succeeded since
 */
public record StreamHealth(String connectionId, SourceStream stream, Instant lastSuccess, Instant lastFailure,
                           String lastError, int consecutiveFailures, boolean failing) {
    /**
     * Checks the components.
     *
     * @param connectionId the connection
     * @param stream the stream
     * @param lastSuccess when a poll of the stream last succeeded, or null
     * @param lastFailure when a poll of the stream last failed, or null
     * @param lastError why the last failed poll failed (kept after a recovery), or null
     * @param consecutiveFailures failed polls since the last success
     * @param failing whether the failures reached the threshold (reported by a {@code STREAM_FAILING} audit event) and
     *     no poll succeeded since
     */
    public StreamHealth {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(stream, "stream");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
    }

    /**
     * A stream not polled yet.
     *
     * @param connectionId the connection
     * @param stream       the stream
     * @return the health of a stream never polled
     */
    public static StreamHealth unknown(String connectionId, SourceStream stream) {
        return new StreamHealth(connectionId, stream, null, null, null, 0, false);
    }

    /**
     * Whether the stream is not {@link #failing()}.
     *
     * @return whether the stream is not {@link #failing()}
     */
    public boolean healthy() {
        return !failing;
    }
}
