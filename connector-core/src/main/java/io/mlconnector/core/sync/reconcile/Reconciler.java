package io.mlconnector.core.sync.reconcile;

import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.core.state.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Objects;
import java.util.function.Function;

/**
 * Month-end reconciliation of one connection: compares, per project and cost code, what the accounting system holds
 * for a month with what the project system holds, and reports matched totals, differences, records on one side only,
 * and records still flagged or parked. It reads only; it writes nothing anywhere.
 *
 * <p>What is compared:
 * <ul>
 *   <li><b>Costs</b>: bills issued in the month ↔ the requisition or direct cost posted for each (found by origin id,
 *       kind and project taken from the ledger entry when there is one).</li>
 *   <li><b>Billings</b>: invoices issued in the month ↔ payment applications.</li>
 *   <li><b>Payments</b>: bill and invoice payments dated in the month ↔ contract payments.</li>
 *   <li><b>Changes</b>: approved change orders and direct costs entered in the project system, dated in the month, on
 *       mapped projects ↔ the accounting expenses the connector wrote for them (ledger entry keyed by the
 *       project-side record, {@code markers}/{@code marker} attribute read back with
 *       {@link AccountingSystem#findExpenseByMarker}, else the ledger's {@code total}/{@code currency}).</li>
 *   <li><b>Owner changes</b>: prime contract change orders dated in the month on mapped projects ↔ the move of the
 *       accounting project's fixed price the connector made for each (ledger {@code fixedPrice.applied}); one on a
 *       project not billed at a fixed price shows as project-only with the reason (ledger {@code skipped}).</li>
 *   <li><b>Budgets</b>: per project and cost code, the project system's revised budget
 *       ({@link ProjectSystem#listCostCodeBudgets}) next to the month's accounting amounts on the cost code (costs and
 *       changes); budget changes are written nowhere else.</li>
 * </ul>
 * Accounting records are found with {@code listChanged(stream, monthStart - lookback)} and filtered by their own date,
 * so a record last changed more than {@link Builder#lookback(Duration) lookback} before the month is not seen (default
 * 92 days). Lines are put on cost codes through confirmed mappings only. A target whose total differs from its source,
 * and whose own split by cost code is unknown, is totalled on a line without cost code.
 *
 * <p>Ledger attributes read (written by the engine): {@code originId}, {@code companyId}, {@code projectId},
 * {@code total}, {@code currency}, {@code marker}/{@code markers}, {@code reason}. Without {@code originId} the
 * documented scheme {@code fb:<accountId>:<type>:<id>} is assumed (replace it with {@link Builder#originIds}).
 */
public final class Reconciler {
    /** The default lookback before the month start when listing changed accounting records. */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(92);

    private final AccountingSystem accounting;
    private final ProjectSystem projectSystem;
    private final MappingStore mappings;
    private final SyncStateStore state;
    private final Clock clock;
    private final Duration lookback;
    private final Function<ExternalRef, String> originIds;

    private Reconciler(Builder b) {
        this.accounting = Objects.requireNonNull(b.accounting, "accountingSystem");
        this.projectSystem = Objects.requireNonNull(b.projectSystem, "projectSystem");
        this.mappings = Objects.requireNonNull(b.mappings, "mappingStore");
        this.state = Objects.requireNonNull(b.state, "stateStore");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.lookback = Objects.requireNonNull(b.lookback, "lookback");
        if (lookback.isNegative()) {
            throw new IllegalArgumentException("lookback must not be negative");
        }
        this.originIds = b.originIds != null ? b.originIds
                : ref -> "fb:" + accounting.accountId() + ":" + ref.type() + ":" + ref.id();
    }

    /**
     * A builder; ports, stores and clock are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Compares the month {@code period} of a connection.
     *
     * @param connectionId the connection whose ledger, mappings and queue are read (the ports are that connection's)
     * @param period       the month
     * @return the reconciliation report
     */
    public ReconciliationReport reconcile(String connectionId, YearMonth period) {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(period, "period");
        return new ReconciliationRun(connectionId, period, accounting, projectSystem, mappings, state, clock, lookback,
                originIds).run();
    }

    /** Builds a {@link Reconciler}. */
    public static final class Builder {
        private AccountingSystem accounting;
        private ProjectSystem projectSystem;
        private MappingStore mappings;
        private SyncStateStore state;
        private Clock clock;
        private Duration lookback = DEFAULT_LOOKBACK;
        private Function<ExternalRef, String> originIds;

        private Builder() {
        }

        /**
         * The connection's accounting port.
         *
         * @param accounting the connection's accounting port
         * @return this builder
         */
        public Builder accountingSystem(AccountingSystem accounting) {
            this.accounting = accounting;
            return this;
        }

        /**
         * The connection's project-system port.
         *
         * @param projectSystem the connection's project-system port
         * @return this builder
         */
        public Builder projectSystem(ProjectSystem projectSystem) {
            this.projectSystem = projectSystem;
            return this;
        }

        /**
         * Mappings (only confirmed ones are used).
         *
         * @param mappings the mappings store
         * @return this builder
         */
        public Builder mappingStore(MappingStore mappings) {
            this.mappings = mappings;
            return this;
        }

        /**
         * The ledger and work queue.
         *
         * @param state the ledger and work queue
         * @return this builder
         */
        public Builder stateStore(SyncStateStore state) {
            this.state = state;
            return this;
        }

        /**
         * Time source for the report stamp.
         *
         * @param clock time source for the report stamp
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * How far before the month start changed accounting records are listed (default 92 days).
         *
         * @param lookback how far before the month start changed accounting records are listed
         * @return this builder
         */
        public Builder lookback(Duration lookback) {
            this.lookback = lookback;
            return this;
        }

        /**
         * The origin id the engine writes for an accounting record, used when a ledger entry does not carry one.
         *
         * @param originIds the origin id the engine writes for an accounting record, used when a ledger entry does not
         *     carry one
         * @return this builder
         */
        public Builder originIds(Function<ExternalRef, String> originIds) {
            this.originIds = originIds;
            return this;
        }

        /**
         * Builds the {@code Reconciler} from the settings given so far.
         *
         * @return the new {@code Reconciler}
         */
        public Reconciler build() {
            return new Reconciler(this);
        }
    }
}
