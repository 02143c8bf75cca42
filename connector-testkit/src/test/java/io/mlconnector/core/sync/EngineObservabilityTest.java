package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.auth.ReauthorizationRequiredException;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.observe.ConnectionHealth;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.observe.EngineHealth;
import io.mlconnector.core.observe.HealthStatus;
import io.mlconnector.core.observe.LogContext;
import io.mlconnector.core.observe.PollEvent;
import io.mlconnector.core.observe.PollOutcome;
import io.mlconnector.core.observe.ReauthorizationEvent;
import io.mlconnector.core.observe.RecordingListener;
import io.mlconnector.core.observe.StreamStatus;
import io.mlconnector.core.observe.WorkEvent;
import io.mlconnector.core.observe.WorkOutcome;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.testkit.ports.Faults;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The engine's listener events, its MDC and {@link SyncEngine#health()}. */
class EngineObservabilityTest {
    private EngineFixture fx;
    private RecordingListener heard;
    private SyncEngine engine;

    @org.junit.jupiter.api.BeforeAll
    static void mdc() {
        io.mlconnector.core.observe.TestMdc.install();
    }

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        heard = new RecordingListener();
        engine = engine(heard);
        fx.mapGl(fx.fb.addGlAccount("Concrete", "5100").ref().id(), "03-300", "M");
    }

    private SyncEngine engine(ConnectorListener... listeners) {
        return fx.engine(fx.policy().enabledStreams(Set.of(SourceStream.BILLS)).build(), "node-a", Runnable::run,
                b -> {
                    for (ConnectorListener l : listeners) {
                        b.listener(l);
                    }
                    return b;
                });
    }

    private SourceDocument bill(String vendorId) {
        String gl = fx.mappings.list(EngineFixture.CONNECTION, io.mlconnector.core.mapping.MappingKind.GL_ACCOUNT)
                .get(0).sourceId();
        return fx.fb.bill(vendorId).number("B-1").issued(LocalDate.of(2024, 5, 10)).line(gl, "pour", "100.00").save();
    }

    private void deliver(SourceDocument bill) {
        assertThat(engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id())).status())
                .isEqualTo(200);
    }

    private List<WorkOutcome> workOutcomes() {
        return heard.events(WorkEvent.class).stream().map(WorkEvent::outcome).toList();
    }

    // ---------------------------------------------------------------- listener

    @Test
    void workOutcomes_retriedThenPosted_withConnectionTypeSourceKeyAndTimes() {
        SourceDocument bill = bill(fx.fbVendor.ref().id());
        fx.pc.failNext("createDirectCost", 1, () -> {
            fx.clock.advance(Duration.ofMillis(250)); // the call took a while before it failed
            return Faults.serverError().get();
        });
        deliver(bill);

        engine.drain();
        fx.clock.advance(Duration.ofMinutes(5));
        engine.drain();

        List<WorkEvent> work = heard.events(WorkEvent.class);
        assertThat(work).extracting(WorkEvent::outcome).containsExactly(WorkOutcome.RETRIED, WorkOutcome.POSTED);
        assertThat(work).allSatisfy(e -> {
            assertThat(e.connectionId()).isEqualTo(EngineFixture.CONNECTION);
            assertThat(e.workType()).isEqualTo("freshbooks.bill");
            assertThat(e.sourceKey()).isEqualTo(bill.ref().key());
            assertThat(e.workItemId()).isNotNull();
        });
        assertThat(work.get(0).attempt()).isEqualTo(1);
        assertThat(work.get(0).duration()).isEqualTo(Duration.ofMillis(250));
        assertThat(work.get(0).reason()).contains("503");
        assertThat(work.get(1).attempt()).isEqualTo(2);
        assertThat(work.get(1).reason()).isNull();
    }

    @Test
    void flagged_deadLettered_andIntakeDuplicatesAndEchoes_areReported() {
        SourceDocument unmapped = bill(fx.fb.addVendor("Nobody Ltd").ref().id());
        deliver(unmapped);
        engine.drain();
        assertThat(workOutcomes()).containsExactly(WorkOutcome.FLAGGED);
        assertThat(heard.events(WorkEvent.class).get(0).reason()).contains("vendor");

        SourceDocument broken = bill(fx.fbVendor.ref().id());
        fx.fb.failNext("fetchBill", 1, () -> new IllegalStateException("a bug"));
        deliver(broken);
        deliver(broken); // still queued: a duplicate at intake
        engine.drain();

        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "x", "10").save();
        engine.onProcoreWebhook(fx.procoreWebhook("01HULIDECHO", "Change Order Packages", co.ref().id(),
                fx.tower.projectId(), fx.pc.applicationId()));

        assertThat(workOutcomes()).containsExactly(WorkOutcome.FLAGGED, WorkOutcome.SKIPPED_DUPLICATE,
                WorkOutcome.DEAD_LETTERED, WorkOutcome.SKIPPED_ECHO);
        WorkEvent duplicate = heard.events(WorkEvent.class).get(1);
        assertThat(duplicate.workItemId()).as("at intake there is no item").isNull();
        assertThat(duplicate.sourceKey()).isEqualTo(broken.ref().key());
        assertThat(heard.events(WorkEvent.class).get(2).reason()).contains("IllegalStateException");
        WorkEvent echo = heard.events(WorkEvent.class).get(3);
        assertThat(echo.workType()).isEqualTo("procore.change_order");
        assertThat(echo.sourceKey()).isEqualTo(co.ref().key());
    }

    @Test
    void polls_reportFoundEnqueuedDurationAndFailure() {
        bill(fx.fbVendor.ref().id());
        fx.fb.failNext("listChanged", 1, () -> {
            fx.clock.advance(Duration.ofSeconds(2));
            return Faults.serverError().get();
        });

        engine.pollOnce(EngineFixture.CONNECTION);
        engine.pollOnce(EngineFixture.CONNECTION);

        List<PollEvent> polls = heard.events(PollEvent.class);
        assertThat(polls).hasSize(2);
        assertThat(polls.get(0)).satisfies(p -> {
            assertThat(p.outcome()).isEqualTo(PollOutcome.FAILED);
            assertThat(p.stream()).isEqualTo(SourceStream.BILLS);
            assertThat(p.duration()).isEqualTo(Duration.ofSeconds(2));
            assertThat(p.failure()).contains("ServerException");
        });
        assertThat(polls.get(1)).satisfies(p -> {
            assertThat(p.outcome()).isEqualTo(PollOutcome.SUCCEEDED);
            assertThat(p.connectionId()).isEqualTo(EngineFixture.CONNECTION);
            assertThat(p.found()).isEqualTo(1);
            assertThat(p.enqueued()).isEqualTo(1);
            assertThat(p.failure()).isNull();
        });
    }

    @Test
    void aListenerThatThrows_neverBreaksTheEngine() {
        ConnectorListener hostile = new ConnectorListener() {
            @Override
            public void onWork(WorkEvent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onPoll(PollEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        engine = engine(hostile, heard);

        bill(fx.fbVendor.ref().id());
        engine.pollOnce(EngineFixture.CONNECTION);
        RunSummary run = engine.drain();

        assertThat(run.completed()).isEqualTo(1);
        assertThat(fx.items(WorkStatus.DONE)).isEqualTo(1);
        assertThat(workOutcomes()).containsExactly(WorkOutcome.POSTED);
    }

    // ---------------------------------------------------------------- MDC

    @Test
    void theMdc_carriesConnectionSourceKeyAndItem_throughIntakeWorkerAndPortCalls_andIsClearedAfter() {
        SourceDocument bill = bill(fx.fbVendor.ref().id());
        List<Map<String, String>> inPortCall = new CopyOnWriteArrayList<>();
        fx.fb.failNext("fetchBill", 1, () -> {
            inPortCall.add(Map.copyOf(MDC.getCopyOfContextMap()));
            return Faults.serverError().get();
        });
        deliver(bill);
        deliver(bill); // duplicate: heard at intake, under the intake's MDC
        assertThat(MDC.get(LogContext.CONNECTION_ID)).as("cleared after the request").isNull();

        engine.drain();

        String itemId = fx.state.items(EngineFixture.CONNECTION, WorkStatus.READY).get(0).id();
        assertThat(inPortCall).singleElement().satisfies(m -> assertThat(m)
                .containsEntry(LogContext.CONNECTION_ID, EngineFixture.CONNECTION)
                .containsEntry(LogContext.SOURCE_KEY, bill.ref().key())
                .containsEntry(LogContext.WORK_ITEM_ID, itemId));
        RecordingListener.Heard atIntake = heard.heard().get(0);
        assertThat(atIntake.mdc()).containsEntry(LogContext.CONNECTION_ID, EngineFixture.CONNECTION)
                .containsEntry(LogContext.SOURCE_KEY, bill.ref().key()).doesNotContainKey(LogContext.WORK_ITEM_ID);
        assertThat(MDC.get(LogContext.CONNECTION_ID)).isNull();
        assertThat(MDC.get(LogContext.SOURCE_KEY)).isNull();
        assertThat(MDC.get(LogContext.WORK_ITEM_ID)).isNull();
    }

    // ---------------------------------------------------------------- health

    @Test
    void health_streamLagAndQueue_healthyThenDegradedWhenWorkWaitsTooLong() {
        engine.pollOnce(EngineFixture.CONNECTION);
        Instant polled = fx.clock.instant();
        fx.clock.advance(Duration.ofMinutes(5));

        EngineHealth fine = engine.health();
        assertThat(fine.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(fine.reasons()).isEmpty();
        StreamStatus bills = fine.connection(EngineFixture.CONNECTION).orElseThrow().streams().get(0);
        assertThat(bills.stream()).isEqualTo(SourceStream.BILLS);
        assertThat(bills.lastSuccess()).isEqualTo(polled);
        assertThat(bills.lag()).isEqualTo(Duration.ofMinutes(5));

        deliver(bill(fx.fbVendor.ref().id()));
        fx.clock.advance(Duration.ofMinutes(20));

        EngineHealth behind = engine.health();
        assertThat(behind.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(behind.queue().count(WorkStatus.READY)).isEqualTo(1);
        assertThat(behind.oldestReadyAge()).isEqualTo(Duration.ofMinutes(20));
        assertThat(behind.reasons()).singleElement().asString().contains("oldest ready work item has waited PT20M")
                .doesNotContain(EngineFixture.CONNECTION);

        engine.drain();
        EngineHealth caughtUp = engine.health();
        assertThat(caughtUp.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(caughtUp.queue().count(WorkStatus.DONE)).isEqualTo(1);
        assertThat(caughtUp.queue().oldestReadyAt()).isNull();
    }

    @Test
    void health_reauthorizationNeeded_isSetWhenSeen_reported_andClearedBySuccess() {
        fx.fb.failNext("listChanged", 1, () -> new ReauthorizationRequiredException("grant revoked (test)"));

        engine.pollOnce(EngineFixture.CONNECTION);

        EngineHealth down = engine.health();
        ConnectionHealth acme = down.connection(EngineFixture.CONNECTION).orElseThrow();
        assertThat(acme.reauthorizationRequired()).isTrue();
        assertThat(acme.reauthorizationSince()).isEqualTo(fx.clock.instant());
        assertThat(acme.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(down.status()).as("its only connection cannot sync").isEqualTo(HealthStatus.DOWN);
        assertThat(down.reasons()).contains("1 of 1 connection(s) need re-authorization");
        assertThat(heard.events(ReauthorizationEvent.class)).singleElement().satisfies(e -> {
            assertThat(e.connectionId()).isEqualTo(EngineFixture.CONNECTION);
            assertThat(e.reason()).contains("grant revoked");
        });

        fx.clock.advance(Duration.ofMinutes(1));
        engine.pollOnce(EngineFixture.CONNECTION);

        EngineHealth back = engine.health();
        assertThat(back.connection(EngineFixture.CONNECTION).orElseThrow().reauthorizationRequired()).isFalse();
        assertThat(back.status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void health_reauthorizationSeenByAWorker_isClearedByAPosting() {
        SourceDocument bill = bill(fx.fbVendor.ref().id());
        fx.fb.failNext("fetchBill", 1, () -> new ReauthorizationRequiredException("refresh token used"));
        deliver(bill);
        engine.drain();
        assertThat(engine.health().connectionsNeedingReauthorization()).isEqualTo(1);

        fx.clock.advance(Duration.ofMinutes(5));
        engine.drain();

        assertThat(workOutcomes()).containsExactly(WorkOutcome.RETRIED, WorkOutcome.POSTED);
        assertThat(engine.health().connectionsNeedingReauthorization()).isZero();
    }

    @Test
    void health_aFailingStream_degrades_withoutNamingTheConnection() {
        fx.fb.failNext("listChanged", SyncPolicy.DEFAULT_STREAM_FAILURE_THRESHOLD, Faults.serverError());
        for (int i = 0; i < SyncPolicy.DEFAULT_STREAM_FAILURE_THRESHOLD; i++) {
            engine.pollOnce(EngineFixture.CONNECTION);
        }

        EngineHealth h = engine.health();

        // its only polled stream fails: the connection cannot see changes, webhooks still queue
        assertThat(h.connection(EngineFixture.CONNECTION).orElseThrow().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(h.failingStreams()).isEqualTo(1);
        assertThat(h.reasons()).containsExactly("1 polled stream(s) failing");
        StreamStatus s = h.connections().get(0).streams().get(0);
        assertThat(s.consecutiveFailures()).isEqualTo(SyncPolicy.DEFAULT_STREAM_FAILURE_THRESHOLD);
        assertThat(s.lastError()).contains("ServerException");
        assertThat(s.lag()).as("never succeeded").isNull();
    }
}
