package io.mlconnector.core.sync.reconcile;

/**
 * Counts of a reconciliation report.
 *
 * @param matched            records matched
 * @param different          records on both sides with different amounts
 * @param accountingOnly     records in the accounting system only
 * @param projectOnly        records in the project system only
 * @param flagged            records of the period flagged by the connector
 * @param costCodesDifferent cost code totals that differ
 * @param waiting            records waiting for a person (any period)
 */
public record ReconciliationSummary(int matched, int different, int accountingOnly, int projectOnly, int flagged,
                                    int costCodesDifferent, int waiting) {
}
