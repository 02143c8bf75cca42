package io.mlconnector.core.state;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A month-end reconciliation report as the state store keeps it: the connection and month it compares, when it was
 * made, how many differences it found, and its two renderings. One per connection and month; stores never replace
 * one ({@link SyncStateStore#saveReconciliation}). The typed report is
 * {@code ReconciliationReport.fromJson(stored.json())} (package {@code io.mlconnector.core.sync.reconcile}).
 *
 * @param connectionId    the connection
 * @param period          the month compared
 * @param generatedAt     when the report was made
 * @param differenceCount rows of the report that do not match: records not matched plus cost code totals that differ
 * @param json            the report as JSON ({@code ReconciliationReport.toJson()})
 * @param csv             the report as CSV ({@code ReconciliationReport.toCsv()})
 */
public record StoredReconciliation(String connectionId, YearMonth period, Instant generatedAt, int differenceCount,
                                   String json, String csv) {
    /**
     * Checks the components.
     *
     * @param connectionId the connection
     * @param period the month compared
     * @param generatedAt when the report was made
     * @param differenceCount rows of the report that do not match: records not matched plus cost code totals that
     *     differ
     * @param json the report as JSON
     * @param csv the report as CSV
     * @throws IllegalArgumentException when {@code differenceCount} is negative or the connection id is blank
     */
    public StoredReconciliation {
        Objects.requireNonNull(connectionId, "connectionId");
        if (connectionId.isBlank()) {
            throw new IllegalArgumentException("connectionId must not be blank");
        }
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(csv, "csv");
        if (differenceCount < 0) {
            throw new IllegalArgumentException("differenceCount must not be negative");
        }
    }

    /**
     * Whether the report found nothing to look at.
     *
     * @return true when {@link #differenceCount()} is zero
     */
    public boolean balanced() {
        return differenceCount == 0;
    }

    @Override
    public String toString() {
        return "StoredReconciliation[" + connectionId + ", " + period + ", generated " + generatedAt + ", "
                + differenceCount + " difference(s)]";
    }
}
