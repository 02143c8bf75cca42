package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.testkit.ports.Faults;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stream whose polls keep failing is reported (audit + {@link SyncEngine#streamHealth()}) until it recovers. */
class StreamHealthTest {
    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
    }

    private StreamHealth health(SyncEngine engine, SourceStream stream) {
        return engine.streamHealth(EngineFixture.CONNECTION).stream().filter(h -> h.stream() == stream).findFirst()
                .orElseThrow();
    }

    @Test
    void aStreamFailingThreeTimesInARowIsReportedOnce_andItsRecoveryOnce() {
        SyncEngine engine = fx.engine(fx.policy().enabledStreams(Set.of(SourceStream.BILLS)).build());
        fx.fb.failNext("listChanged", 4, Faults.serverError());
        Instant start = fx.clock.instant();

        for (int i = 1; i <= 2; i++) {
            engine.pollOnce(EngineFixture.CONNECTION);
            fx.clock.advance(Duration.ofMinutes(1));
        }
        assertThat(health(engine, SourceStream.BILLS)).satisfies(h -> {
            assertThat(h.consecutiveFailures()).isEqualTo(2);
            assertThat(h.failing()).isFalse();
            assertThat(h.lastSuccess()).isNull();
        });
        assertThat(fx.audits(AuditOutcome.STREAM_FAILING)).isEmpty();

        engine.pollOnce(EngineFixture.CONNECTION);
        Instant third = fx.clock.instant();
        fx.clock.advance(Duration.ofMinutes(1));
        engine.pollOnce(EngineFixture.CONNECTION);

        assertThat(health(engine, SourceStream.BILLS)).satisfies(h -> {
            assertThat(h.consecutiveFailures()).isEqualTo(4);
            assertThat(h.failing()).isTrue();
            assertThat(h.healthy()).isFalse();
            assertThat(h.lastFailure()).isEqualTo(third.plus(Duration.ofMinutes(1)));
            assertThat(h.lastError()).contains("freshbooks.BILLS").contains("ServerException");
        });
        assertThat(fx.audits(AuditOutcome.STREAM_FAILING)).as("once, when it crossed the threshold").singleElement()
                .satisfies(e -> {
                    assertThat(e.connectionId()).isEqualTo(EngineFixture.CONNECTION);
                    assertThat(e.sourceRef()).isEqualTo("stream:BILLS");
                    assertThat(e.time()).isEqualTo(third);
                    assertThat(e.reason()).contains("3 times in a row").contains("ServerException");
                    assertThat(e.details()).containsEntry("failures", "3");
                });

        fx.clock.advance(Duration.ofMinutes(1));
        engine.pollOnce(EngineFixture.CONNECTION);
        engine.pollOnce(EngineFixture.CONNECTION);

        Instant recovered = fx.clock.instant();
        assertThat(health(engine, SourceStream.BILLS)).satisfies(h -> {
            assertThat(h.failing()).isFalse();
            assertThat(h.consecutiveFailures()).isZero();
            assertThat(h.lastSuccess()).isEqualTo(recovered);
            assertThat(h.lastError()).as("kept for the record").contains("ServerException");
        });
        assertThat(fx.audits(AuditOutcome.STREAM_RECOVERED)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("after 4 failed polls"));
        assertThat(fx.audits(AuditOutcome.STREAM_FAILING)).hasSize(1);
        assertThat(start).isBefore(recovered);
    }

    @Test
    void theThresholdIsConfigurable_andASuccessInBetweenStartsTheCountAgain() {
        SyncEngine engine = fx.engine(fx.policy().enabledStreams(Set.of(SourceStream.BILLS))
                .streamFailureThreshold(2).build());
        fx.fb.failNext("listChanged", 1, Faults.serverError());
        engine.pollOnce(EngineFixture.CONNECTION);
        engine.pollOnce(EngineFixture.CONNECTION);
        fx.fb.failNext("listChanged", 1, Faults.serverError());
        engine.pollOnce(EngineFixture.CONNECTION);
        assertThat(fx.audits(AuditOutcome.STREAM_FAILING)).isEmpty();

        fx.fb.failNext("listChanged", 1, Faults.serverError());
        engine.pollOnce(EngineFixture.CONNECTION);

        assertThat(fx.audits(AuditOutcome.STREAM_FAILING)).hasSize(1);
        assertThat(health(engine, SourceStream.BILLS).failing()).isTrue();
        assertThat(SyncPolicy.defaults().streamFailureThreshold()).isEqualTo(3);
        assertThatThrownBy(() -> fx.policy().streamFailureThreshold(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProcoreStreamFailsWhenOneProjectsWalkFails_andTheErrorNamesTheProject() {
        SyncEngine engine = fx.engine(fx.policy().enabledStreams(Set.of(SourceStream.CHANGE_ORDERS))
                .streamFailureThreshold(1).build());
        fx.map(MappingKind.PROJECT, "FB-P1", String.valueOf(fx.tower.projectId()));
        fx.pc.failNext("listChanged", 1, Faults.serverError());

        PollResult r = engine.pollStream(EngineFixture.CONNECTION, SourceStream.CHANGE_ORDERS);

        assertThat(r.stream("procore.CHANGE_ORDERS:" + fx.tower.projectId()).error()).isNotNull();
        assertThat(health(engine, SourceStream.CHANGE_ORDERS)).satisfies(h -> {
            assertThat(h.failing()).isTrue();
            assertThat(h.lastError()).contains("procore.CHANGE_ORDERS:" + fx.tower.projectId());
        });
        assertThat(fx.audits(AuditOutcome.STREAM_FAILING)).singleElement()
                .satisfies(e -> assertThat(e.sourceRef()).isEqualTo("stream:CHANGE_ORDERS"));
    }

    @Test
    void aPollLedByAnotherNodeChangesNothing_andStreamsNotPolledYetAreUnknownNotFailing() {
        SyncEngine leader = fx.engine(fx.policy().enabledStreams(Set.of(SourceStream.BILLS)).build());
        SyncEngine follower = fx.engine(fx.policy().enabledStreams(Set.of(SourceStream.BILLS)).build(), "node-b",
                Runnable::run, b -> b);
        assertThat(follower.streamHealth()).singleElement().satisfies(h -> {
            assertThat(h.stream()).isEqualTo(SourceStream.BILLS);
            assertThat(h.lastSuccess()).isNull();
            assertThat(h.failing()).isFalse();
        });

        leader.pollOnce(EngineFixture.CONNECTION);
        fx.fb.failNext("listChanged", 5, Faults.serverError());
        for (int i = 0; i < 5; i++) {
            assertThat(follower.pollOnce(EngineFixture.CONNECTION).stream("freshbooks.BILLS").notLeader()).isTrue();
        }

        assertThat(health(follower, SourceStream.BILLS).consecutiveFailures()).isZero();
        assertThat(health(leader, SourceStream.BILLS).lastSuccess()).isEqualTo(fx.clock.instant());
        assertThat(fx.audits(AuditOutcome.STREAM_FAILING)).isEmpty();
    }

    @Test
    void streamHealthListsEveryPolledStreamOfTheConnectionInPollingOrder() {
        SyncEngine engine = fx.engine();

        assertThat(engine.streamHealth()).extracting(StreamHealth::stream).containsExactly(SourceStream.BILLS,
                SourceStream.INVOICES, SourceStream.BILL_PAYMENTS, SourceStream.INVOICE_PAYMENTS, SourceStream.VENDORS,
                SourceStream.CHANGE_ORDERS, SourceStream.PRIME_CHANGE_ORDERS, SourceStream.DIRECT_COSTS);
        assertThat(engine.streamHealth()).allSatisfy(h -> assertThat(h.connectionId())
                .isEqualTo(EngineFixture.CONNECTION));
        assertThatThrownBy(() -> engine.streamHealth("nope")).isInstanceOf(RuntimeException.class);
    }
}
