package io.mlconnector.core.observe;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One scheduled month-end reconciliation run of one connection ({@code SyncPolicy.monthEnd()}).
 *
 * @param connectionId the connection
 * @param period       the month compared
 * @param outcome      how it ended
 * @param differences  rows of the kept report that do not match (0 when it failed)
 * @param duration     how long the run took, by the engine's clock
 * @param failure      why it failed (exception class and message), or null
 */
public record ReconciliationEvent(String connectionId, YearMonth period, ReconciliationOutcome outcome,
                                  int differences, Duration duration, String failure) {
    /**
     * Checks the required components.
     *
     * @param connectionId the connection
     * @param period the month compared
     * @param outcome how it ended
     * @param differences rows of the kept report that do not match (0 when it failed)
     * @param duration how long the run took, by the engine's clock
     * @param failure why it failed (exception class and message), or null
     */
    public ReconciliationEvent {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }
}
