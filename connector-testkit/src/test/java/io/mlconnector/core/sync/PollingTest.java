package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.state.Cursor;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.testkit.ports.Faults;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polling: cursors with overlap, saved only after the items are queued, one leader per stream. */
class PollingTest {
    private EngineFixture fx;
    private SyncEngine engine;
    private GlAccount concrete;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine(fx.policy().enabledStreams(Set.of(SourceStream.BILLS)).build());
        concrete = fx.fb.addGlAccount("Concrete", "5100");
        fx.mapGl(concrete.ref().id(), "03-300", null);
    }

    @Test
    void cursorIsSavedAtThePollStartOnlyAfterTheItemsAreQueued() {
        fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "a", "1").save();
        Instant start = fx.clock.instant();

        PollResult r = engine.pollOnce(EngineFixture.CONNECTION);

        assertThat(r.streams()).extracting(PollResult.StreamPoll::cursor).containsExactly("freshbooks.BILLS");
        assertThat(r.enqueued()).isEqualTo(1);
        assertThat(fx.items(WorkStatus.READY)).isEqualTo(1);
        assertThat(fx.state.cursor(EngineFixture.CONNECTION, "freshbooks.BILLS")).map(Cursor::position)
                .contains(start);
    }

    @Test
    void failedListingLeavesTheCursorWhereItWas() {
        fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "a", "1").save();
        fx.fb.failNext("listChanged", 1, Faults.serverError());

        PollResult failed = engine.pollOnce(EngineFixture.CONNECTION);

        assertThat(failed.stream("freshbooks.BILLS").error()).contains("ServerException");
        assertThat(fx.state.cursor(EngineFixture.CONNECTION, "freshbooks.BILLS")).isEmpty();
        assertThat(fx.items(WorkStatus.READY)).isZero();
        assertThat(engine.pollOnce(EngineFixture.CONNECTION).enqueued()).isEqualTo(1);
    }

    @Test
    void overlapCatchesAChangeThatBecameVisibleLate() {
        engine.pollOnce(EngineFixture.CONNECTION);
        Instant firstPoll = fx.clock.instant();
        // a change stamped five minutes before the first poll, visible only now (day-granular filters, lag)
        fx.clock.set(firstPoll.minus(Duration.ofMinutes(5)));
        SourceDocument late = fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "a", "1").save();
        fx.clock.set(firstPoll.plus(Duration.ofMinutes(1)));

        PollResult second = engine.pollOnce(EngineFixture.CONNECTION);

        assertThat(second.enqueued()).isEqualTo(1);
        assertThat(fx.state.items(EngineFixture.CONNECTION, WorkStatus.READY).get(0).payload())
                .contains("id=" + late.ref().id());
    }

    @Test
    void onlyOneNodeWalksAStreamAtATime() {
        SyncEngine other = fx.engine(fx.policy().enabledStreams(Set.of(SourceStream.BILLS)).build(), "node-b",
                Runnable::run, b -> b);
        fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "a", "1").save();

        PollResult leader = engine.pollOnce(EngineFixture.CONNECTION);
        fx.fb.resetCalls();
        PollResult follower = other.pollOnce(EngineFixture.CONNECTION);

        assertThat(leader.stream("freshbooks.BILLS").notLeader()).isFalse();
        assertThat(follower.stream("freshbooks.BILLS").notLeader()).isTrue();
        assertThat(fx.fb.calls("listChanged")).isZero();
        // the leader keeps its lease on its next poll; once it stops, the other node takes over after expiry
        assertThat(engine.pollOnce(EngineFixture.CONNECTION).stream("freshbooks.BILLS").notLeader()).isFalse();
        SyncPolicy p = other.connection(EngineFixture.CONNECTION).policy();
        fx.clock.advance(p.pollInterval().plus(p.leaseDuration()));
        assertThat(other.pollOnce(EngineFixture.CONNECTION).stream("freshbooks.BILLS").notLeader()).isFalse();
    }

    @Test
    void aStoppedLeaderHandsThePollOverAtOnce() {
        SyncEngine other = fx.engine(fx.policy().enabledStreams(Set.of(SourceStream.BILLS)).build(), "node-b",
                Runnable::run, b -> b);
        assertThat(engine.pollOnce(EngineFixture.CONNECTION).stream("freshbooks.BILLS").notLeader()).isFalse();
        assertThat(other.pollOnce(EngineFixture.CONNECTION).stream("freshbooks.BILLS").notLeader()).isTrue();

        engine.stop();

        assertThat(other.pollOnce(EngineFixture.CONNECTION).stream("freshbooks.BILLS").notLeader())
                .as("no wait for the lease to expire").isFalse();
    }

    @Test
    void deletedBillNeverPostedIsNotQueued() {
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "a", "1").save();
        fx.fb.deleteBill(bill.ref().id());

        PollResult r = engine.pollOnce(EngineFixture.CONNECTION);

        assertThat(r.seen()).isEqualTo(1);
        assertThat(r.enqueued()).isZero();
        assertThat(r.stream("freshbooks.BILLS").unchanged()).isEqualTo(1);
    }
}
