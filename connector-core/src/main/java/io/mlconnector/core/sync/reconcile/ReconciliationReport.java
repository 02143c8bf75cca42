package io.mlconnector.core.sync.reconcile;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The month-end comparison of one connection: totals per project, flow and cost code, every record of the period
 * with its status, and the records still waiting for a person. Lists are kept in a stable order (project, flow,
 * cost code / source key) so renderings can be compared run to run. {@link #toCsv()} and {@link #toJson()} give the
 * forms an accountant opens.
 *
 * @param connectionId the connection
 * @param period       the month compared
 * @param generatedAt  when the report was made
 * @param costCodes    totals per project, flow, cost code and currency
 * @param records      every record of the period
 * @param waiting      records flagged, parked or dead-lettered, any period
 * @param budgets      per project and cost code, the project system's revised budget next to the month's accounting
 *                     amounts
 */
public record ReconciliationReport(String connectionId, YearMonth period, Instant generatedAt,
                                   List<CostCodeTotal> costCodes, List<RecordComparison> records,
                                   List<WaitingRecord> waiting, List<CostCodeBudgetLine> budgets) {
    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    /**
     * Checks the components.
     *
     * @param connectionId the connection
     * @param period the month compared
     * @param generatedAt when the report was made
     * @param costCodes totals per project, flow, cost code and currency
     * @param records every record of the period
     * @param waiting records flagged, parked or dead-lettered, any period
     * @param budgets per project and cost code, the project system's revised budget next to the month's accounting
     *     amounts
     */
    public ReconciliationReport {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedAt, "generatedAt");
        costCodes = sorted(costCodes, Comparator.comparing(CostCodeTotal::projectId, NULLS_LAST)
                .thenComparing(CostCodeTotal::flow)
                .thenComparing(CostCodeTotal::costCode, NULLS_LAST)
                .thenComparing(CostCodeTotal::currency));
        records = sorted(records, Comparator.comparing(RecordComparison::flow)
                .thenComparing(RecordComparison::projectId, NULLS_LAST)
                .thenComparing(RecordComparison::sourceKey));
        waiting = sorted(waiting, Comparator.comparing(WaitingRecord::key));
        budgets = sorted(budgets == null ? List.of() : budgets, Comparator.comparing(CostCodeBudgetLine::projectId)
                .thenComparing(CostCodeBudgetLine::costCode).thenComparing(CostCodeBudgetLine::currency));
    }

    /**
     * A report without budget lines.
     *
     * @param connectionId the connection
     * @param period the month compared
     * @param generatedAt when the report was made
     * @param costCodes totals per project, flow, cost code and currency
     * @param records every record of the period
     * @param waiting records flagged, parked or dead-lettered, any period
     */
    public ReconciliationReport(String connectionId, YearMonth period, Instant generatedAt,
                                List<CostCodeTotal> costCodes, List<RecordComparison> records,
                                List<WaitingRecord> waiting) {
        this(connectionId, period, generatedAt, costCodes, records, waiting, List.of());
    }

    private static <T> List<T> sorted(List<T> in, Comparator<T> order) {
        List<T> out = new ArrayList<>(in);
        out.sort(order);
        return List.copyOf(out);
    }

    /**
     * Records of one status.
     *
     * @param status the status
     * @return the record comparisons
     */
    public List<RecordComparison> records(RecordStatus status) {
        return records.stream().filter(r -> r.status() == status).toList();
    }

    /**
     * Records that are not matched (different, one side only, flagged).
     *
     * @return the record comparisons
     */
    public List<RecordComparison> differences() {
        return records.stream().filter(r -> r.status() != RecordStatus.MATCHED).toList();
    }

    /**
     * Cost code totals that differ.
     *
     * @return cost code totals that differ
     */
    public List<CostCodeTotal> costCodeDifferences() {
        return costCodes.stream().filter(c -> !c.matched()).toList();
    }

    /**
     * How many rows of the report do not match: records not {@link RecordStatus#MATCHED matched} plus cost code
     * totals that differ. The month-end schedule raises one audit event for each.
     *
     * @return {@code differences().size() + costCodeDifferences().size()}
     */
    public int differenceCount() {
        return differences().size() + costCodeDifferences().size();
    }

    /**
     * Counts.
     *
     * @return the summary
     */
    public ReconciliationSummary summary() {
        return new ReconciliationSummary(records(RecordStatus.MATCHED).size(), records(RecordStatus.DIFFERENT).size(),
                records(RecordStatus.ACCOUNTING_ONLY).size(), records(RecordStatus.PROJECT_ONLY).size(),
                records(RecordStatus.FLAGGED).size(), costCodeDifferences().size(), waiting.size());
    }

    /**
     * One CSV table (RFC 4180, CRLF, header first) holding the four parts, told apart by the {@code section} column
     * ({@code cost_code}, {@code record}, {@code waiting}, {@code budget}); amounts are plain decimals with a currency
     * column. A {@code budget} row holds the month's accounting amount in {@code accounting_amount}, the revised
     * budget in {@code project_amount}, their difference (accounting minus budget) in {@code difference}, and the
     * original budget and approved changes in {@code reason}.
     *
     * @return one CSV table (RFC 4180, CRLF, header first) holding the four parts, told apart by the {@code section}
     *     column ({@code cost_code}, {@code record}, {@code waiting}, {@code budget})
     */
    public String toCsv() {
        return ReportCsv.render(this);
    }

    /**
     * The report as a JSON document (amounts as decimal strings, so no reader turns them into floating point).
     *
     * @return the report as a JSON document (amounts as decimal strings, so no reader turns them into floating point)
     */
    public String toJson() {
        return ReportJson.render(this);
    }

    /**
     * Reads a report back from what {@link #toJson()} wrote (for instance a report the state store kept); rendering
     * the result again gives the same JSON and CSV. Amounts come back with the scale they were written with (at
     * least two decimals).
     *
     * @param json a document written by {@link #toJson()}
     * @return the report
     * @throws ReportFormatException when {@code json} is not such a document
     */
    public static ReconciliationReport fromJson(String json) {
        Objects.requireNonNull(json, "json");
        return ReportJsonReader.read(json);
    }
}
