package io.mlconnector.console;

import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.reconcile.CostCodeTotal;
import io.mlconnector.core.sync.reconcile.RecordComparison;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the console's Reconciliation page finds the latest month-end reports that were run automatically and kept
 * (the "latest reports" area). By default the console reads the reports its engine kept in the state store
 * ({@link #fromEngine(SyncEngine)}); {@link #none()} shows none.
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

    /**
     * The reports the engine ran at month end and kept in its state store ({@code engine.reconciliationReports}),
     * each difference in one line of plain words. A state store that keeps no reports shows none.
     *
     * @param engine the engine whose state store keeps the reports
     * @return a source of the engine's kept reports
     */
    static StoredReports fromEngine(SyncEngine engine) {
        Objects.requireNonNull(engine, "engine");
        return connectionId -> {
            List<io.mlconnector.core.state.StoredReconciliation> kept;
            try {
                kept = engine.reconciliationReports(connectionId);
            } catch (UnsupportedOperationException e) {
                return List.of();
            }
            List<StoredReport> out = new ArrayList<>(kept.size());
            for (io.mlconnector.core.state.StoredReconciliation r : kept) {
                out.add(new StoredReport(r.period(), r.generatedAt(),
                        differences(ReconciliationReport.fromJson(r.json())), r.csv()));
            }
            return out;
        };
    }

    private static List<String> differences(ReconciliationReport report) {
        List<String> lines = new ArrayList<>();
        for (RecordComparison r : report.differences()) {
            String what = r.number() == null ? r.sourceKey() : r.sourceKey() + " (no. " + r.number() + ")";
            String amount = r.difference() == null ? "" : ", differs by " + r.difference().toPlainString() + " "
                    + r.currency();
            lines.add(r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + what + amount
                    + (r.reason() == null ? "" : " (" + r.reason() + ")"));
        }
        for (CostCodeTotal t : report.costCodeDifferences()) {
            lines.add("cost code " + t.costCode() + " of project " + t.projectName() + ": totals differ by "
                    + (t.difference() == null ? "an amount in another currency" : t.difference().toPlainString()
                    + " " + t.currency()));
        }
        return lines;
    }
}
