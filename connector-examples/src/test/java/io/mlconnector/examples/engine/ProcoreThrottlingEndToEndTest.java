package io.mlconnector.examples.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.audit.JsonLinesFileAuditSink;
import io.mlconnector.examples.demo.DemoContractor;
import io.mlconnector.examples.demo.DemoEnvironment;
import io.mlconnector.testkit.freshbooks.Bill;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.BillVendor;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.Requisition;
import io.mlconnector.testkit.time.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Procore answering 503 bursts and 429s while bills are posted (issue 6): everything is eventually posted, nothing
 * twice. The sandboxes and the connector share a test clock, so "an hour later" needs no waiting.
 */
class ProcoreThrottlingEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CREATE = "/rest/v1.1/requisitions";

    private final MutableClock clock = MutableClock.startingNow();
    private DemoEnvironment env;
    private DemoContractor c;
    private ProcoreSandbox pc;
    private SyncEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        env = DemoEnvironment.builder().clock(clock).policy(p -> p.backoffBase(Duration.ofMillis(10))
                .backoffMax(Duration.ofMillis(100))).build();
        env.align();
        env.registerWebhooks();
        c = env.contractor();
        pc = env.procore();
        engine = env.runtime().engine();
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private Bill enter(BillVendor vendor, String number, BillLine line) throws InterruptedException {
        int before = env.tally().count("freshbooks", "queued");
        Bill b = env.freshBooks().act().bill(vendor.id(), env.today(), number, List.of(line));
        env.tally().await("freshbooks", "queued", before + 1, WAIT);
        return b;
    }

    private List<Requisition> requisitions() {
        return pc.requisitions(c.harborTower().id());
    }

    @Test
    void a503Burst_isRetried_untilPostedOnce() throws Exception {
        pc.faults().onlyFor(CREATE::equals).serviceUnavailable(3, Duration.ZERO);

        Bill bill = enter(c.fbRebar(), "INV-503", BillLine.of(c.concrete().id(), "Ready-mix", "10", "164.50"));
        await().atMost(WAIT).until(() -> {
            clock.advance(Duration.ofSeconds(1)); // past each backoff
            engine.drain();
            return !requisitions().isEmpty();
        });
        engine.drain();

        assertThat(pc.faults().injectedCount()).isEqualTo(3);
        assertThat(pc.requestLog().entries(r -> r.status() == 503)).hasSize(3);
        assertThat(requisitions()).singleElement()
                .satisfies(r -> assertThat(r.originId()).isEqualTo(env.originId("bill", bill.id())));
        assertThat(pc.requestLog().count("POST", CREATE)).isEqualTo(4);
        assertThat(JsonLinesFileAuditSink.readAll(env.runtime().auditFile().file()))
                .filteredOn(e -> e.outcome() == AuditOutcome.FAILED_RETRYABLE).hasSize(3);
    }

    @Test
    void a429_waitsForTheReset_thenPostsOnce() throws Exception {
        pc.faults().onlyFor(CREATE::equals).errorRate(1.0, 429);

        Bill bill = enter(c.fbBrightSpark(), "BSE-429", BillLine.of(c.electrical().id(), "Rough-in", "1", "900.00"));
        engine.drain();

        assertThat(requisitions()).isEmpty();
        assertThat(pc.requestLog().entries(r -> r.status() == 429)).hasSize(1);
        assertThat(engine.items(env.runtime().connectionId(), WorkStatus.READY)).singleElement()
                .satisfies(w -> assertThat(w.availableAt()).isAfter(clock.instant().plusSeconds(60)));

        pc.faults().clear();
        clock.advance(Duration.ofMinutes(61)); // Procore's hourly window has reset
        engine.drain();
        engine.drain();

        assertThat(requisitions()).singleElement()
                .satisfies(r -> assertThat(r.originId()).isEqualTo(env.originId("bill", bill.id())));
        assertThat(pc.requestLog().count("POST", CREATE)).isEqualTo(2);
        assertThat(engine.items(env.runtime().connectionId(), WorkStatus.DEAD)).isEmpty();
    }
}
