package io.mlconnector.console;

import java.util.List;

/**
 * Where the console's Reconciliation page finds the latest month-end reports that were run automatically and kept
 * (the "latest reports" area). The host supplies it; by default there are none.
 */
@FunctionalInterface
public interface StoredReports {
    /**
     * The latest stored reports of a connection, newest first.
     *
     * @param connectionId the connection's id
     * @return the reports, newest first; empty when none are kept
     */
    List<StoredReport> latest(String connectionId);

    /**
     * No stored reports.
     *
     * @return a source that always answers an empty list
     */
    static StoredReports none() {
        return connectionId -> List.of();
    }
}
