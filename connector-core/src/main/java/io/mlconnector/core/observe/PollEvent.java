package io.mlconnector.core.observe;

import io.mlconnector.core.port.SourceStream;
import java.time.Duration;
import java.util.Objects;

/**
 * One poll of one stream of one connection (a Procore stream: across every mapped project).
 *
 * @param connectionId the connection
 * @param stream       the stream
 * @param outcome      how it ended
 * @param found        changed records listed
 * @param enqueued     work items added for them (duplicates of pending items and unchanged records are not)
 * @param duration     how long the poll took, by the engine's clock
 * @param failure      why it failed (exception class and message), or null
 */
public record PollEvent(String connectionId, SourceStream stream, PollOutcome outcome, int found, int enqueued,
                        Duration duration, String failure) {
    /**
     * Checks the required components.
     *
     * @param connectionId the connection
     * @param stream the stream
     * @param outcome how it ended
     * @param found changed records listed
     * @param enqueued work items added for them (duplicates of pending items and unchanged records are not)
     * @param duration how long the poll took, by the engine's clock
     * @param failure why it failed (exception class and message), or null
     */
    public PollEvent {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }
}
