package io.mlconnector.core.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * A work item reached an outcome; or, at webhook intake, a delivery was dropped as an echo or a duplicate (then
 * {@code workItemId} is null and {@code attempt} is 0).
 *
 * @param connectionId the connection
 * @param workType     the item's type code ({@code freshbooks.bill}, {@code procore.change_order}…)
 * @param sourceKey    the source record ({@code freshbooks:bill:123}), or null when unknown
 * @param workItemId   the work item, or null at intake
 * @param outcome      what became of it
 * @param attempt      which attempt this was (1 for the first), 0 at intake
 * @param duration     how long processing took, by the engine's clock (zero at intake)
 * @param reason       why it was flagged, retried, deferred or dead-lettered, or null
 */
public record WorkEvent(String connectionId, String workType, String sourceKey, String workItemId,
                        WorkOutcome outcome, int attempt, Duration duration, String reason) {
    /**
     * Checks the required components.
     *
     * @param connectionId the connection
     * @param workType the item's type code ({@code freshbooks.bill}, {@code procore.change_order}…)
     * @param sourceKey the source record ({@code freshbooks:bill:123}), or null when unknown
     * @param workItemId the work item, or null at intake
     * @param outcome what became of it
     * @param attempt which attempt this was (1 for the first), 0 at intake
     * @param duration how long processing took, by the engine's clock (zero at intake)
     * @param reason why it was flagged, retried, deferred or dead-lettered, or null
     */
    public WorkEvent {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(workType, "workType");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }
}
