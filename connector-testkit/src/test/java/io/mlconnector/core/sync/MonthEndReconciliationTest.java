package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.observe.HealthStatus;
import io.mlconnector.core.observe.ReconciliationEvent;
import io.mlconnector.core.observe.ReconciliationOutcome;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.StoredReconciliation;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import io.mlconnector.core.sync.reconcile.RecordComparison;
import io.mlconnector.core.sync.reconcile.RecordStatus;
import io.mlconnector.testkit.contract.Race;
import io.mlconnector.testkit.ports.Faults;
import io.mlconnector.testkit.time.ManualScheduler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine makes each connection's month-end reconciliation by itself once the month has closed
 * ({@link SyncPolicy#monthEnd()}): once, on the configured day, on one node, kept in the state store, one audit
 * event per difference; retried after a failed read; caught up after downtime.
 */
class MonthEndReconciliationTest {
    private static final YearMonth MARCH = YearMonth.of(2024, 3);
    private static final YearMonth APRIL = YearMonth.of(2024, 4);
    private static final YearMonth MAY = YearMonth.of(2024, 5);

    private EngineFixture fx;
    private final List<ReconciliationEvent> events = new CopyOnWriteArrayList<>();
    private final ConnectorListener listener = new ConnectorListener() {
        @Override
        public void onReconciliation(ReconciliationEvent event) {
            events.add(event);
        }
    };

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        GlAccount concrete = fx.fb.addGlAccount("Concrete", null);
        // two April bills that were never posted: both ACCOUNTING_ONLY, and their cost code total differs
        bill("B-1", LocalDate.of(2024, 4, 10), concrete, "1000.00");
        bill("B-2", LocalDate.of(2024, 4, 20), concrete, "250.00");
        // a May bill, in the next month's report only
        bill("B-3", LocalDate.of(2024, 5, 2), concrete, "75.00");
    }

    private SourceDocument bill(String number, LocalDate issued, GlAccount account, String amount) {
        return fx.fb.bill(fx.fbVendor.ref().id()).number(number).issued(issued)
                .line(account.ref().id(), "line of " + number, amount).save();
    }

    /** No polls (they would read the fake ports too): only the month-end schedule reads. */
    private SyncPolicy policy(MonthEndSchedule schedule) {
        return fx.policy().enabledStreams(Set.of()).monthEnd(schedule).build();
    }

    private SyncEngine engine(MonthEndSchedule schedule, String node) {
        return fx.engine(policy(schedule), node, Runnable::run, b -> b.listener(listener));
    }

    private void keep(YearMonth period) {
        fx.state.saveReconciliation(new StoredReconciliation(EngineFixture.CONNECTION, period,
                fx.clock.instant(), 0, "{}", ""));
    }

    private List<AuditEvent> differences() {
        return fx.audits(AuditOutcome.RECONCILIATION_DIFFERENCE);
    }

    @Test
    void runsOnceAfterTheMonthClosesOnTheConfiguredDay_notBefore() {
        keep(MARCH);
        fx.clock.set(Instant.parse("2024-05-05T11:59:00Z"));
        SyncEngine engine = engine(MonthEndSchedule.onDay(5), "node-a");
        ManualScheduler scheduler = new ManualScheduler();
        engine.start(scheduler);

        scheduler.runPeriodic();
        assertThat(engine.reconciliationReport(EngineFixture.CONNECTION, APRIL)).as("due at 12:00").isEmpty();
        assertThat(fx.fb.calls("listChanged")).as("nothing read before the due time").isZero();
        assertThat(fx.audits(AuditOutcome.RECONCILIATION_STORED)).isEmpty();

        fx.clock.advance(Duration.ofMinutes(1));
        scheduler.runPeriodic();

        StoredReconciliation kept = engine.reconciliationReport(EngineFixture.CONNECTION, APRIL).orElseThrow();
        ReconciliationReport expected = engine.reconcile(EngineFixture.CONNECTION, APRIL);
        assertThat(kept.generatedAt()).isEqualTo(Instant.parse("2024-05-05T12:00:00Z"));
        assertThat(kept.differenceCount()).isEqualTo(expected.differenceCount()).isEqualTo(3);
        assertThat(kept.json()).isEqualTo(expected.toJson());
        assertThat(kept.csv()).isEqualTo(expected.toCsv());
        assertThat(ReconciliationReport.fromJson(kept.json()).records(RecordStatus.ACCOUNTING_ONLY))
                .extracting(RecordComparison::number).containsExactly("B-1", "B-2");
        int reads = fx.fb.calls("listChanged");

        fx.clock.advance(Duration.ofHours(1));
        scheduler.runPeriodic();
        fx.clock.advance(Duration.ofDays(20));
        scheduler.runPeriodic();

        assertThat(fx.fb.calls("listChanged")).as("a kept month is not compared again").isEqualTo(reads);
        assertThat(fx.audits(AuditOutcome.RECONCILIATION_STORED)).singleElement().satisfies(e -> {
            assertThat(e.connectionId()).isEqualTo(EngineFixture.CONNECTION);
            assertThat(e.direction()).isEqualTo(Direction.RECONCILIATION);
            assertThat(e.sourceRef()).isEqualTo("reconciliation:2024-04");
            assertThat(e.details()).containsEntry("differences", "3").containsEntry("accountingOnly", "2");
        });
        assertThat(differences()).hasSize(3);
        assertThat(engine.reconciliationReports(EngineFixture.CONNECTION)).extracting(StoredReconciliation::period)
                .containsExactly(APRIL, MARCH);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(ReconciliationOutcome.STORED);
            assertThat(e.period()).isEqualTo(APRIL);
            assertThat(e.differences()).isEqualTo(3);
        });
    }

    @Test
    void theDueTimeIsInTheSchedulesTimeZone() {
        keep(MARCH);
        MonthEndSchedule schedule = MonthEndSchedule.onDay(1).withTime(java.time.LocalTime.of(0, 30))
                .withZone(java.time.ZoneId.of("America/New_York"));
        SyncEngine engine = engine(schedule, "node-a");
        fx.clock.set(Instant.parse("2024-05-01T04:29:00Z")); // 00:29 EDT

        assertThat(engine.runDueReconciliations()).isEmpty();
        fx.clock.advance(Duration.ofMinutes(1));

        assertThat(engine.runDueReconciliations()).extracting(StoredReconciliation::period).containsExactly(APRIL);
    }

    @Test
    void everyDifferenceIsAudited_withItsAmounts_andControlCharactersEscaped() {
        keep(MARCH);
        bill("B-4\nFORGED-LINE", LocalDate.of(2024, 4, 28), fx.fb.addGlAccount("Steel", null), "10.00");
        SyncEngine engine = engine(MonthEndSchedule.defaults(), "node-a");

        StoredReconciliation kept = engine.runDueReconciliations().get(0);
        ReconciliationReport report = ReconciliationReport.fromJson(kept.json());

        assertThat(differences()).hasSize(kept.differenceCount())
                .hasSize(report.differences().size() + report.costCodeDifferences().size());
        for (RecordComparison r : report.differences()) {
            assertThat(fx.audits(r.sourceKey())).filteredOn(e -> e.outcome() == AuditOutcome.RECONCILIATION_DIFFERENCE)
                    .singleElement().satisfies(e -> {
                        assertThat(e.direction()).isEqualTo(Direction.RECONCILIATION);
                        assertThat(e.details()).containsEntry("period", "2024-04").containsEntry("section", "record")
                                .containsEntry("status", r.status().name())
                                .containsEntry("accountingAmount", r.accountingAmount().toPlainString());
                        assertThat(e.reason()).contains("2024-04").contains(r.status().name());
                    });
        }
        assertThat(differences()).filteredOn(e -> "cost_code".equals(e.details().get("section")))
                .hasSize(report.costCodeDifferences().size()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.sourceRef()).startsWith("cost_code:"));
        assertThat(differences()).filteredOn(e -> e.details().getOrDefault("number", "").startsWith("B-4"))
                .singleElement().satisfies(e -> {
                    assertThat(e.details().get("number")).doesNotContain("\n").contains("FORGED-LINE");
                });
    }

    @Test
    void twoEnginesSharingAStore_keepOneReport_andAuditItOnce() {
        keep(MARCH);
        SyncEngine a = engine(MonthEndSchedule.defaults(), "node-a");
        SyncEngine b = engine(MonthEndSchedule.defaults(), "node-b");

        List<List<StoredReconciliation>> kept = Race.run(2, i -> () -> (i == 0 ? a : b).runDueReconciliations());
        assertThat(b.runDueReconciliations()).isEmpty();
        assertThat(a.runDueReconciliations()).isEmpty();

        assertThat(kept.stream().mapToInt(List::size).sum()).isEqualTo(1);
        assertThat(fx.state.reconciliations(EngineFixture.CONNECTION, 12)).extracting(StoredReconciliation::period)
                .containsExactly(APRIL, MARCH);
        assertThat(fx.audits(AuditOutcome.RECONCILIATION_STORED)).hasSize(1);
        assertThat(differences()).hasSize(3);
    }

    @Test
    void whileAnotherNodeRunsTheMonth_thisOneReadsNothing_andTakesOverWhenItsLeaseIsGone() {
        keep(MARCH);
        SyncEngine engine = engine(MonthEndSchedule.defaults(), "node-a");
        fx.state.tryAcquireLease("monthend:" + EngineFixture.CONNECTION + ":2024-04", "node-x",
                Duration.ofHours(1), fx.clock.instant());

        assertThat(engine.runDueReconciliations()).isEmpty();
        assertThat(fx.fb.calls("listChanged")).isZero();

        fx.clock.advance(Duration.ofHours(1)); // node-x died: its lease expired without a report
        assertThat(engine.runDueReconciliations()).extracting(StoredReconciliation::period).containsExactly(APRIL);
    }

    @Test
    void catchesUpTheLatestClosedMonthAtStart_afterDowntime() {
        keep(MARCH);
        fx.clock.set(Instant.parse("2024-06-10T08:00:00Z")); // down from mid-April to June 10: May's run was missed
        SyncEngine engine = engine(MonthEndSchedule.defaults(), "node-a");
        ManualScheduler scheduler = new ManualScheduler();

        engine.start(scheduler);
        scheduler.runPeriodic(); // the first check, at start

        assertThat(engine.reconciliationReports(EngineFixture.CONNECTION)).extracting(StoredReconciliation::period)
                .as("the latest closed month; older missed months are made on demand only")
                .containsExactly(MAY, MARCH);
        StoredReconciliation may = engine.reconciliationReport(EngineFixture.CONNECTION, MAY).orElseThrow();
        assertThat(ReconciliationReport.fromJson(may.json()).records()).extracting(RecordComparison::number)
                .containsExactly("B-3");
    }

    @Test
    void aFailedRead_keepsNothing_isAuditedOnce_showsInHealth_andIsRetriedAfterTheDelay() {
        keep(MARCH);
        SyncEngine engine = engine(MonthEndSchedule.defaults().withRetryDelay(Duration.ofMinutes(10)), "node-a");
        fx.fb.failNext("listChanged", 2, Faults.serverError());

        assertThat(engine.runDueReconciliations()).isEmpty();

        assertThat(engine.reconciliationReport(EngineFixture.CONNECTION, APRIL)).as("not kept empty").isEmpty();
        assertThat(fx.audits(AuditOutcome.RECONCILIATION_FAILED)).singleElement().satisfies(e -> {
            assertThat(e.sourceRef()).isEqualTo("reconciliation:2024-04");
            assertThat(e.reason()).contains("ServerException");
        });
        assertThat(engine.health().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(engine.health().connection(EngineFixture.CONNECTION).orElseThrow().reasons())
                .anySatisfy(r -> assertThat(r).contains("month-end reconciliation of 2024-04 failed 1 time(s)"));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(ReconciliationOutcome.FAILED);
            assertThat(e.failure()).contains("ServerException");
        });

        int reads = fx.fb.calls("listChanged");
        fx.clock.advance(Duration.ofMinutes(9));
        assertThat(engine.runDueReconciliations()).isEmpty();
        assertThat(fx.fb.calls("listChanged")).as("waits for the retry delay").isEqualTo(reads);

        fx.clock.advance(Duration.ofMinutes(1));
        assertThat(engine.runDueReconciliations()).as("second fault").isEmpty();
        assertThat(fx.audits(AuditOutcome.RECONCILIATION_FAILED)).as("once per month").hasSize(1);
        assertThat(engine.health().connection(EngineFixture.CONNECTION).orElseThrow().reasons())
                .anySatisfy(r -> assertThat(r).contains("failed 2 time(s)"));

        fx.clock.advance(Duration.ofMinutes(10));
        assertThat(engine.runDueReconciliations()).extracting(StoredReconciliation::period).containsExactly(APRIL);

        assertThat(engine.health().status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(fx.audits(AuditOutcome.RECONCILIATION_STORED)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("after 2 failed attempt(s)"));
        assertThat(differences()).hasSize(3);
        assertThat(events).extracting(ReconciliationEvent::outcome).containsExactly(ReconciliationOutcome.FAILED,
                ReconciliationOutcome.FAILED, ReconciliationOutcome.STORED);
    }

    @Test
    void turnedOff_runsNothing_butReportsOnDemandStillWork() {
        SyncEngine engine = engine(MonthEndSchedule.off(), "node-a");
        ManualScheduler scheduler = new ManualScheduler();
        engine.start(scheduler);

        scheduler.runPeriodic();

        assertThat(engine.runDueReconciliations()).isEmpty();
        assertThat(fx.fb.calls("listChanged")).isZero();
        assertThat(engine.reconciliationReports(EngineFixture.CONNECTION)).isEmpty();
        assertThat(engine.reconcile(EngineFixture.CONNECTION, APRIL).differenceCount()).isEqualTo(3);
        assertThat(SyncPolicy.defaults().monthEnd()).isEqualTo(MonthEndSchedule.defaults());
        assertThat(MonthEndSchedule.defaults().enabled()).isTrue();
    }

    @Test
    void aStoreThatKeepsNoReports_turnsTheScheduleOff_withoutReadingEitherSystem() {
        SyncStateStore legacy = storeWithoutReports(new InMemorySyncStateStore());
        SyncEngine engine = SyncEngine.builder().stateStore(legacy).mappingStore(fx.mappings).auditSink(fx.audit)
                .clock(fx.clock).nodeId("node-a").connection(fx.connection(policy(MonthEndSchedule.defaults())))
                .build();

        assertThat(engine.runDueReconciliations()).isEmpty();
        assertThat(engine.runDueReconciliations()).isEmpty();

        assertThat(fx.fb.calls("listChanged")).isZero();
        assertThat(fx.audits(AuditOutcome.RECONCILIATION_FAILED)).isEmpty();
        assertThatThrownBy(() -> engine.reconciliationReports(EngineFixture.CONNECTION))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("saveReconciliation");
        assertThat(engine.health().status()).isEqualTo(HealthStatus.HEALTHY);
    }

    /** A store written before reports existed: the report methods are the interface's defaults. */
    private static SyncStateStore storeWithoutReports(SyncStateStore delegate) {
        Set<String> reportMethods = Set.of("saveReconciliation", "reconciliation", "reconciliations");
        InvocationHandler handler = (proxy, method, args) -> {
            if (reportMethods.contains(method.getName())) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (SyncStateStore) Proxy.newProxyInstance(SyncStateStore.class.getClassLoader(),
                new Class<?>[] {SyncStateStore.class}, handler);
    }
}
