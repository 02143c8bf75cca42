package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.observe.ReconciliationEvent;
import io.mlconnector.core.observe.ReconciliationOutcome;
import io.mlconnector.core.state.StoredReconciliation;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.MonthEndSchedule;
import io.mlconnector.core.sync.internal.flow.EngineObserver;
import io.mlconnector.core.sync.internal.flow.EngineServices;
import io.mlconnector.core.sync.reconcile.CostCodeTotal;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import io.mlconnector.core.sync.reconcile.ReconciliationSummary;
import io.mlconnector.core.sync.reconcile.RecordComparison;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's month-end schedule ({@link MonthEndSchedule}): for each connection, once the latest closed month is
 * due and no report of it is kept, one node (named lease {@code monthend:<connection>:<YYYY-MM>}) compares it, keeps
 * the report ({@link SyncStateStore#saveReconciliation}, never replaced) and, only when its save kept it, raises a
 * {@code RECONCILIATION_STORED} audit event and one {@code RECONCILIATION_DIFFERENCE} per difference. A run that
 * throws keeps nothing: a {@code RECONCILIATION_FAILED} event on the month's first failure, a health reason until it
 * succeeds, and another attempt after the schedule's retry delay. Thread-safe; state per node is only the failures
 * and the months already seen kept (to spare the store a read per check).
 */
public final class MonthEndRuns {
    private static final Logger LOG = LoggerFactory.getLogger(MonthEndRuns.class);
    /** How long one node may hold a month's run before another may take it over (the save stays exactly-once). */
    static final Duration RUN_LEASE = Duration.ofHours(1);

    /** A month whose run failed on this node. */
    record Failure(YearMonth period, Instant since, int attempts, String error, Instant nextAttempt) {
    }

    private final EngineServices services;
    private final BiFunction<Connection, YearMonth, ReconciliationReport> reconcile;
    private final Map<String, YearMonth> kept = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final AtomicBoolean unsupportedLogged = new AtomicBoolean();

    public MonthEndRuns(EngineServices services, BiFunction<Connection, YearMonth, ReconciliationReport> reconcile) {
        this.services = services;
        this.reconcile = reconcile;
    }

    /**
     * Runs the connection's latest due month if it is due, not kept yet, not waiting for a retry and not being run by
     * another node.
     *
     * @return the report this call kept, or empty
     */
    public Optional<StoredReconciliation> runIfDue(Connection c) {
        MonthEndSchedule schedule = c.policy().monthEnd();
        if (!schedule.enabled()) {
            return Optional.empty();
        }
        Instant now = services.clock().instant();
        YearMonth period = schedule.latestDue(now);
        if (period.equals(kept.get(c.id()))) {
            return Optional.empty();
        }
        Failure failure = failures.get(c.id());
        if (failure != null && failure.period().equals(period) && now.isBefore(failure.nextAttempt())) {
            return Optional.empty();
        }
        SyncStateStore state = services.state();
        try {
            if (isKept(state, c.id(), period)) {
                return Optional.empty();
            }
        } catch (UnsupportedOperationException e) {
            if (unsupportedLogged.compareAndSet(false, true)) {
                LOG.warn("automatic month-end reconciliation is off: {}", e.getMessage());
            }
            return Optional.empty();
        }
        String lease = "monthend:" + c.id() + ":" + period;
        if (!state.tryAcquireLease(lease, services.nodeId(), RUN_LEASE, now)) {
            return Optional.empty();
        }
        try {
            if (isKept(state, c.id(), period)) {
                return Optional.empty();
            }
            return Optional.ofNullable(run(c, period, schedule, now));
        } finally {
            state.releaseLease(lease, services.nodeId());
        }
    }

    /** Why the connection's scheduled reconciliation is failing, for its health, or empty. */
    public Optional<String> problem(String connectionId) {
        Failure f = failures.get(connectionId);
        return f == null ? Optional.empty() : Optional.of("month-end reconciliation of " + f.period() + " failed "
                + f.attempts() + " time(s) since " + f.since() + "; next attempt from " + f.nextAttempt());
    }

    private boolean isKept(SyncStateStore state, String connectionId, YearMonth period) {
        if (state.reconciliation(connectionId, period).isPresent()) {
            kept.put(connectionId, period);
            failures.remove(connectionId);
            return true;
        }
        return false;
    }

    private StoredReconciliation run(Connection c, YearMonth period, MonthEndSchedule schedule, Instant started) {
        ReconciliationReport report;
        try {
            report = reconcile.apply(c, period);
        } catch (RuntimeException e) {
            failed(c, period, schedule, started, e);
            return null;
        }
        StoredReconciliation stored = new StoredReconciliation(c.id(), period, report.generatedAt(),
                report.differenceCount(), report.toJson(), report.toCsv());
        boolean saved = services.state().saveReconciliation(stored);
        kept.put(c.id(), period);
        Failure before = failures.remove(c.id());
        if (!saved) {
            LOG.info("month-end reconciliation of {} for {} was kept by another node meanwhile", period, c.id());
            return null;
        }
        audit(c.id(), report, before);
        services.observer().reconciled(new ReconciliationEvent(c.id(), period, ReconciliationOutcome.STORED,
                stored.differenceCount(), since(started), null));
        LOG.info("month-end reconciliation of {} for {} kept: {} difference(s)", period, c.id(),
                stored.differenceCount());
        return stored;
    }

    private void failed(Connection c, YearMonth period, MonthEndSchedule schedule, Instant started,
                        RuntimeException e) {
        Instant now = services.clock().instant();
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        Failure old = failures.get(c.id());
        boolean first = old == null || !old.period().equals(period);
        Failure f = first ? new Failure(period, now, 1, error, now.plus(schedule.retryDelay()))
                : new Failure(period, old.since(), old.attempts() + 1, error, now.plus(schedule.retryDelay()));
        failures.put(c.id(), f);
        services.observer().failed(c.id(), EngineObserver.Side.UNKNOWN, e);
        LOG.warn("month-end reconciliation of {} for {} failed (attempt {}), next attempt from {}: {}", period,
                c.id(), f.attempts(), f.nextAttempt(), error);
        if (first) {
            services.auditor().record(c.id(), Direction.RECONCILIATION, ref(period), null,
                    AuditOutcome.RECONCILIATION_FAILED, "the month-end reconciliation of " + period
                            + " could not be made and is tried again from " + f.nextAttempt() + ": " + error,
                    Map.of("period", period.toString()));
        }
        services.observer().reconciled(new ReconciliationEvent(c.id(), period, ReconciliationOutcome.FAILED, 0,
                since(started), error));
    }

    private void audit(String connectionId, ReconciliationReport report, Failure before) {
        String period = report.period().toString();
        ReconciliationSummary s = report.summary();
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("period", period);
        counts.put("differences", Integer.toString(report.differenceCount()));
        counts.put("matched", Integer.toString(s.matched()));
        counts.put("different", Integer.toString(s.different()));
        counts.put("accountingOnly", Integer.toString(s.accountingOnly()));
        counts.put("projectOnly", Integer.toString(s.projectOnly()));
        counts.put("flagged", Integer.toString(s.flagged()));
        counts.put("costCodesDifferent", Integer.toString(s.costCodesDifferent()));
        counts.put("waiting", Integer.toString(s.waiting()));
        services.auditor().record(connectionId, Direction.RECONCILIATION, ref(report.period()), null,
                AuditOutcome.RECONCILIATION_STORED, "month-end reconciliation of " + period + " kept with "
                        + report.differenceCount() + " difference(s)"
                        + (before == null ? "" : " after " + before.attempts() + " failed attempt(s)"), counts);
        for (RecordComparison r : report.differences()) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("period", period);
            d.put("section", "record");
            d.put("status", r.status().name());
            d.put("flow", r.flow().name());
            put(d, "number", r.number());
            put(d, "projectId", r.projectId());
            put(d, "date", r.date() == null ? null : r.date().toString());
            d.put("currency", r.currency());
            put(d, "accountingAmount", plain(r.accountingAmount()));
            put(d, "projectAmount", plain(r.projectAmount()));
            put(d, "difference", plain(r.difference()));
            String target = r.targetId() == null ? null
                    : (r.targetKind() == null ? "" : r.targetKind() + ":") + r.targetId();
            services.auditor().record(connectionId, Direction.RECONCILIATION, r.sourceKey(), target,
                    AuditOutcome.RECONCILIATION_DIFFERENCE, period + " " + r.status().name() + " (" + r.flow().name()
                            + ")" + (r.reason() == null ? "" : ": " + r.reason()), d);
        }
        for (CostCodeTotal t : report.costCodeDifferences()) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("period", period);
            d.put("section", "cost_code");
            d.put("status", "DIFFERENT");
            d.put("flow", t.flow().name());
            put(d, "projectId", t.projectId());
            put(d, "costCode", t.costCode());
            d.put("currency", t.currency());
            d.put("accountingAmount", plain(t.accountingAmount()));
            d.put("projectAmount", plain(t.projectAmount()));
            d.put("difference", plain(t.difference()));
            services.auditor().record(connectionId, Direction.RECONCILIATION,
                    "cost_code:" + (t.projectId() == null ? "-" : t.projectId()) + ":"
                            + (t.costCode() == null ? "-" : t.costCode()), null,
                    AuditOutcome.RECONCILIATION_DIFFERENCE, period + " cost code total differs by "
                            + plain(t.difference()) + " " + t.currency() + " (" + t.flow().name() + ")", d);
        }
    }

    private static void put(Map<String, String> details, String key, String value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String ref(YearMonth period) {
        return "reconciliation:" + period;
    }

    private Duration since(Instant started) {
        Duration d = Duration.between(started, services.clock().instant());
        return d.isNegative() ? Duration.ZERO : d;
    }
}
