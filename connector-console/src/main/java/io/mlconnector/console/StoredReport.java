package io.mlconnector.console;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One stored month-end reconciliation report as the console lists it.
 *
 * @param period      the month reconciled
 * @param createdAt   when the report was made
 * @param differences the differences it found, in plain words (empty when the books agree)
 * @param csv         the report as CSV (offered as a download), may be null
 */
public record StoredReport(YearMonth period, Instant createdAt, List<String> differences, String csv) {
    /**
     * Checks and copies the components.
     *
     * @param period the month reconciled
     * @param createdAt when the report was made
     * @param differences the differences found, null for none
     * @param csv the report as CSV, may be null
     */
    public StoredReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(createdAt, "createdAt");
        differences = differences == null ? List.of() : List.copyOf(differences);
    }
}
