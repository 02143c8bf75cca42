package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.testkit.ports.Faults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly one Procore object per FreshBooks bill through redelivery, webhook + poll overlap, uncertain creates,
 * restarts, 5xx bursts, 429s and two nodes processing the same bills at once.
 */
class IdempotencyTest {
    private EngineFixture fx;
    private SyncEngine engine;
    private GlAccount concrete;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine();
        concrete = fx.fb.addGlAccount("Concrete", "5100");
        fx.mapGl(concrete.ref().id(), "03-300", "M");
        fx.pc.commitment(fx.tower, fx.pcVendor.ref().id()).line("03-300", "M", "Concrete", "90000").save();
    }

    private SourceDocument bill(String amount) {
        return fx.fb.bill(fx.fbVendor.ref().id()).line(concrete.ref().id(), "pour", amount).save();
    }

    private int objectsFor(SourceDocument bill) {
        return fx.pc.postedWithOrigin(fx.origin("bill", bill.ref().id())).size();
    }

    @Test
    void webhookDeliveredThreeTimesMakesOneRequisition() {
        SourceDocument bill = bill("100");
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            states.add(engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id())).body());
        }
        assertThat(states).containsExactly("{\"status\":\"queued\"}", "{\"status\":\"duplicate\"}",
                "{\"status\":\"duplicate\"}");
        engine.drain();
        // and three more deliveries after it was processed, one of them as an update event
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.update", bill.ref().id()));
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.drain();

        assertThat(objectsFor(bill)).isEqualTo(1);
        assertThat(fx.pc.calls("createRequisition")).isEqualTo(1);
        assertThat(fx.audits(AuditOutcome.POSTED)).hasSize(1);
        assertThat(fx.audits(AuditOutcome.SKIPPED_DUPLICATE)).hasSize(2);
    }

    @Test
    void webhookAndPollOverTheSameWindowMakeOneRequisition() {
        SourceDocument bill = bill("100");
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));

        PollResult first = engine.pollOnce(EngineFixture.CONNECTION);
        assertThat(first.stream("freshbooks.BILLS").seen()).isEqualTo(1);
        assertThat(first.stream("freshbooks.BILLS").enqueued()).as("same dedupe key as the pending webhook item")
                .isZero();
        engine.drain();
        fx.clock.advance(Duration.ofMinutes(1));
        PollResult second = engine.pollOnce(EngineFixture.CONNECTION);
        assertThat(second.stream("freshbooks.BILLS").unchanged()).as("ledger holds this version").isEqualTo(1);
        engine.drain();

        assertThat(objectsFor(bill)).isEqualTo(1);
        assertThat(fx.fb.calls("fetchBill")).isEqualTo(1);
    }

    @Test
    void pollFirstThenLateWebhookMakeOneRequisition() {
        SourceDocument bill = bill("100");
        assertThat(engine.pollOnce(EngineFixture.CONNECTION).stream("freshbooks.BILLS").enqueued()).isEqualTo(1);
        engine.drain();
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.drain();

        assertThat(objectsFor(bill)).isEqualTo(1);
        assertThat(fx.audits(AuditOutcome.SKIPPED_DUPLICATE)).hasSize(1);
    }

    @Test
    void uncertainCreateIsRetriedWithAnOriginLookupAndAdoptsTheObject() {
        SourceDocument bill = bill("100");
        fx.pc.failNextAfterEffect("createRequisition", 1, Faults.outcomeUncertain());
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));

        RunSummary first = engine.drain();
        assertThat(first.retried()).isEqualTo(1);
        assertThat(objectsFor(bill)).as("the create happened though its answer was lost").isEqualTo(1);
        assertThat(fx.state.ledger(EngineFixture.CONNECTION, bill.ref().key()).orElseThrow().state())
                .isEqualTo(LedgerState.PENDING);
        assertThat(fx.audits(AuditOutcome.OUTCOME_UNCERTAIN)).hasSize(1);
        assertThat(engine.drain().claimed()).as("not before its backoff").isZero();

        fx.clock.advance(Duration.ofSeconds(1));
        engine.drain();

        assertThat(objectsFor(bill)).isEqualTo(1);
        assertThat(fx.pc.calls("createRequisition")).isEqualTo(1);
        assertThat(fx.pc.calls("findByOrigin")).isEqualTo(1);
        assertThat(fx.state.ledger(EngineFixture.CONNECTION, bill.ref().key()).orElseThrow())
                .satisfies(e -> {
                    assertThat(e.state()).isEqualTo(LedgerState.POSTED);
                    assertThat(e.targetId()).isEqualTo(fx.pc.posted(TargetKind.REQUISITION).get(0).id());
                });
        assertThat(fx.audits(AuditOutcome.POSTED)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("adopted"));
    }

    @Test
    void crashAfterTheCreateThenARestartedNodeStillLeavesOneObject() {
        SourceDocument bill = bill("100");
        fx.pc.failNextAfterEffect("createRequisition", 1, Faults.outcomeUncertain());
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.drain();
        engine.close();

        // a new process: new engine, new node id, same durable stores
        SyncEngine restarted = fx.engine(fx.policy().build(), "node-b", Runnable::run, b -> b);
        fx.clock.advance(Duration.ofMinutes(5));
        restarted.drain();
        restarted.onFreshBooksWebhook(fx.freshBooksWebhook("bill.update", bill.ref().id()));
        restarted.drain();

        assertThat(objectsFor(bill)).isEqualTo(1);
        assertThat(fx.pc.calls("createRequisition")).isEqualTo(1);
    }

    @Test
    void serviceUnavailableBurstIsRetriedWithBackoffAndPostsOnce() {
        SourceDocument bill = bill("100");
        fx.pc.failNext("createRequisition", 3, Faults.serverError());
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));

        engine.drain();
        for (Duration wait : List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4))) {
            assertThat(objectsFor(bill)).isZero();
            fx.clock.advance(wait.minusMillis(1));
            assertThat(engine.drain().claimed()).as("backoff of %s respected", wait).isZero();
            fx.clock.advance(Duration.ofMillis(1));
            engine.drain();
        }

        assertThat(objectsFor(bill)).isEqualTo(1);
        assertThat(fx.audits(AuditOutcome.FAILED_RETRYABLE)).hasSize(3);
        assertThat(fx.audits(AuditOutcome.POSTED)).hasSize(1);
        assertThat(fx.items(WorkStatus.DONE)).isEqualTo(1);
    }

    @Test
    void aCreateBlockedByTheProjectSystemsSetupIsFlaggedNotDeadLettered_andReplayPostsOnce() {
        SourceDocument bill = bill("100");
        fx.pc.failNext("createRequisition", 1,
                () -> new io.mlconnector.core.port.PostingBlockedException("billing period 7 already holds an invoice"));
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.drain();

        assertThat(objectsFor(bill)).isZero();
        assertThat(fx.audits(AuditOutcome.FLAGGED_TARGET_SETUP)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("billing period 7 already holds an invoice"));
        assertThat(fx.items(WorkStatus.PARKED)).isEqualTo(1);
        assertThat(fx.items(WorkStatus.DEAD)).isZero();

        assertThat(engine.replay(EngineFixture.CONNECTION, bill.ref().key())).isEqualTo(1);
        engine.drain();

        assertThat(objectsFor(bill)).isEqualTo(1);
        assertThat(fx.audits(AuditOutcome.POSTED)).hasSize(1);
    }

    @Test
    void aLostLedgerDoesNotDuplicate_theRefusedSecondCreateIsResolvedByAdoptingTheObjectWithOurOriginId() {
        SourceDocument bill = bill("100");
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.drain();
        assertThat(objectsFor(bill)).isEqualTo(1);

        // a node whose ledger was lost (in-memory store after a restart): Procore refuses a second origin id
        SyncEngine amnesiac = fx.engine(fx.policy().build(), "node-b", Runnable::run,
                b -> b.stateStore(new io.mlconnector.core.state.InMemorySyncStateStore()));
        fx.pc.failNext("createRequisition", 1, Faults.validation("origin_id has already been taken"));
        amnesiac.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        amnesiac.drain();

        assertThat(objectsFor(bill)).isEqualTo(1);
        assertThat(fx.pc.calls("findByOrigin")).isEqualTo(1);
        assertThat(fx.audits(AuditOutcome.FAILED_PERMANENT)).isEmpty();
    }

    @Test
    void aRecordLeasedByAnotherNodeIsRetriedAfterTheLease_withoutUsingUpAttempts() {
        SourceDocument bill = bill("100");
        SyncEngine strict = fx.engine(fx.policy().maxAttempts(1).build(), "node-a", Runnable::run, b -> b);
        Duration lease = strict.connection(EngineFixture.CONNECTION).policy().leaseDuration();
        // a node that died while working on this very record still holds its lease
        assertThat(fx.state.tryAcquireLease("record:" + EngineFixture.CONNECTION + ":" + bill.ref().key(), "dead-node",
                lease, fx.clock.instant())).isTrue();

        strict.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        strict.drain();
        assertThat(objectsFor(bill)).isZero();
        assertThat(fx.items(WorkStatus.DEAD)).as("a busy record is not a failure").isZero();

        fx.clock.advance(lease);
        strict.drain();

        assertThat(objectsFor(bill)).isEqualTo(1);
        assertThat(fx.items(WorkStatus.DONE)).isEqualTo(1);
    }

    @Test
    void beingBusyCostsNoAttempt_soALaterTransientFailureIsStillRetried() {
        SourceDocument bill = bill("100");
        SyncEngine strict = fx.engine(fx.policy().maxAttempts(2).build(), "node-a", Runnable::run, b -> b);
        Duration lease = strict.connection(EngineFixture.CONNECTION).policy().leaseDuration();
        String recordLease = "record:" + EngineFixture.CONNECTION + ":" + bill.ref().key();
        strict.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        for (int i = 0; i < 3; i++) { // three times in a row another node holds the record
            assertThat(fx.state.tryAcquireLease(recordLease, "other-node", lease, fx.clock.instant())).isTrue();
            strict.drain();
            fx.clock.advance(lease);
        }
        fx.pc.failNext("createRequisition", 1, Faults.transportFailure());

        strict.drain();
        fx.clock.advance(Duration.ofMinutes(5));
        strict.drain();

        assertThat(fx.items(WorkStatus.DEAD)).isZero();
        assertThat(objectsFor(bill)).isEqualTo(1);
    }

    @Test
    void aLongRateLimit_requeuesTheItemForLater_withoutUsingUpItsAttempts() {
        SourceDocument bill = bill("100");
        engine = fx.engine(fx.policy().maxAttempts(2).build());
        fx.pc.failNext("createRequisition", 5, Faults.rateLimited(Duration.ofMinutes(10)));
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));

        for (int i = 0; i < 5; i++) {
            engine.drain();
            assertThat(fx.state.items(EngineFixture.CONNECTION, WorkStatus.READY)).singleElement()
                    .satisfies(w -> assertThat(w.availableAt()).isEqualTo(fx.clock.instant().plus(Duration.ofMinutes(10))));
            fx.clock.advance(Duration.ofMinutes(10));
        }
        engine.drain();

        assertThat(fx.items(WorkStatus.DEAD)).isZero();
        assertThat(objectsFor(bill)).isEqualTo(1);
    }

    @Test
    void anErrorInAFlow_leavesTheItemRetryable_notLeasedForEver() {
        SourceDocument bill = bill("100");
        java.util.concurrent.atomic.AtomicBoolean thrown = new java.util.concurrent.atomic.AtomicBoolean();
        io.mlconnector.core.mapping.MappingStore failingOnce = new io.mlconnector.core.mapping.MappingStore() {
            @Override
            public java.util.Optional<io.mlconnector.core.mapping.Mapping> find(String c,
                    io.mlconnector.core.mapping.MappingKind k, String s) {
                if (thrown.compareAndSet(false, true)) {
                    throw new StackOverflowError("one record recurses too deep in a custom store");
                }
                return fx.mappings.find(c, k, s);
            }

            @Override
            public java.util.Optional<io.mlconnector.core.mapping.Mapping> findByTarget(String c,
                    io.mlconnector.core.mapping.MappingKind k, String t) {
                return fx.mappings.findByTarget(c, k, t);
            }

            @Override
            public void put(io.mlconnector.core.mapping.Mapping m) {
                fx.mappings.put(m);
            }

            @Override
            public boolean remove(String c, io.mlconnector.core.mapping.MappingKind k, String s) {
                return fx.mappings.remove(c, k, s);
            }

            @Override
            public java.util.List<io.mlconnector.core.mapping.Mapping> list(String c,
                    io.mlconnector.core.mapping.MappingKind k) {
                return fx.mappings.list(c, k);
            }

            @Override
            public void recordUnmapped(io.mlconnector.core.mapping.UnmappedReference r) {
                fx.mappings.recordUnmapped(r);
            }

            @Override
            public java.util.List<io.mlconnector.core.mapping.UnmappedReference> unmapped(String c) {
                return fx.mappings.unmapped(c);
            }
        };
        engine = fx.engine(fx.policy().build(), "node-a", Runnable::run, b -> b.mappingStore(failingOnce));
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));

        engine.drain();

        assertThat(fx.state.items(EngineFixture.CONNECTION, WorkStatus.LEASED)).isEmpty();
        assertThat(fx.state.items(EngineFixture.CONNECTION, WorkStatus.READY)).singleElement()
                .satisfies(w -> assertThat(w.attempts()).isEqualTo(1));
        fx.clock.advance(Duration.ofMinutes(5));
        engine.drain();
        assertThat(objectsFor(bill)).isEqualTo(1);
    }

    @Test
    void aScheduledTaskThatThrowsAnError_keepsItsSchedule() throws Exception {
        java.util.concurrent.ScheduledExecutorService scheduler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            java.util.concurrent.CountDownLatch ranAgain = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
            scheduler.scheduleWithFixedDelay(() -> SyncEngine.safely("poll", () -> {
                if (runs.incrementAndGet() == 1) {
                    throw new AssertionError("a bug in a custom port");
                }
                ranAgain.countDown();
            }), 0, 10, java.util.concurrent.TimeUnit.MILLISECONDS);

            assertThat(ranAgain.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aSlowRemoteCall_keepsItsItemLeased_soAnotherNodeCannotTakeItMidCreate() throws Exception {
        SourceDocument bill = bill("100");
        Duration lease = Duration.ofMillis(300);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.ExecutorService driver = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            SyncPolicy shortLease = fx.policy().leaseDuration(lease).build();
            SyncEngine slow = fx.engine(shortLease, "node-a", pool, b -> b.defaultPolicy(shortLease));
            SyncEngine other = fx.engine(shortLease, "node-b", Runnable::run, b -> b.defaultPolicy(shortLease));
            fx.pc.failNext("createRequisition", 1, () -> {
                entered.countDown();
                try {
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS); // a create stuck in rate-limit waits
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Faults.transportFailure().get();
            });
            slow.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
            java.util.concurrent.Future<?> pass = driver.submit(slow::drain);
            assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            io.mlconnector.core.state.WorkItem leased = fx.state.items(EngineFixture.CONNECTION, WorkStatus.LEASED).get(0);

            fx.clock.advance(lease.minusMillis(50));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> fx.state.item(leased.id())
                    .map(io.mlconnector.core.state.WorkItem::leaseUntil).filter(java.util.Objects::nonNull)
                    .map(u -> u.isAfter(leased.leaseUntil())).orElse(false));
            fx.clock.advance(lease.minusMillis(50)); // past the lease it was claimed with

            assertThat(other.drain().claimed()).as("still leased by the node that works on it").isZero();
            release.countDown();
            pass.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
            driver.shutdownNow();
        }
    }

    @Test
    void rateLimitedCreateWaitsForRetryAfterThenPostsOnce() {
        SourceDocument bill = bill("100");
        fx.pc.failNext("createRequisition", 1, Faults.rateLimited(Duration.ofSeconds(30)));
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.drain();

        fx.clock.advance(Duration.ofSeconds(29));
        assertThat(engine.drain().claimed()).isZero();
        fx.clock.advance(Duration.ofSeconds(1));
        engine.drain();

        assertThat(objectsFor(bill)).isEqualTo(1);
    }

    @Test
    void failuresBeyondTheAttemptLimitAreDeadLetteredAndCanBeRetried() {
        engine = fx.engine(fx.policy().maxAttempts(3).build());
        SourceDocument bill = bill("100");
        fx.pc.failNext("createRequisition", 3, Faults.transportFailure());
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        for (int i = 0; i < 4; i++) {
            engine.drain();
            fx.clock.advance(Duration.ofMinutes(1));
        }
        assertThat(fx.items(WorkStatus.DEAD)).isEqualTo(1);
        assertThat(fx.audits(AuditOutcome.FAILED_PERMANENT)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("gave up after 3 attempts"));

        assertThat(engine.retryDeadLetters(EngineFixture.CONNECTION)).isEqualTo(1);
        engine.drain();
        assertThat(objectsFor(bill)).isEqualTo(1);
    }

    @Test
    void validationErrorIsDeadLetteredAtOnceAndAudited() {
        SourceDocument bill = bill("100");
        fx.pc.failNext("createRequisition", 1, Faults.validation("period_id: no open billing period"));
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));

        RunSummary run = engine.drain();

        assertThat(run.deadLettered()).isEqualTo(1);
        assertThat(fx.audits(AuditOutcome.FAILED_PERMANENT)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("no open billing period"));
        assertThat(objectsFor(bill)).isZero();
    }

    @org.junit.jupiter.api.RepeatedTest(5)
    void twoEnginesProcessingTheSameBillsConcurrentlyMakeOneObjectPerBill() throws Exception {
        int bills = 25;
        List<SourceDocument> docs = new ArrayList<>();
        for (int i = 0; i < bills; i++) {
            docs.add(bill(String.valueOf(100 + i)));
        }
        ExecutorService workersA = Executors.newFixedThreadPool(4);
        ExecutorService workersB = Executors.newFixedThreadPool(4);
        ExecutorService drivers = Executors.newFixedThreadPool(2);
        try {
            SyncPolicy policy = fx.policy().batchSize(5).maxAttempts(50).build();
            SyncEngine a = fx.engine(policy, "node-a", workersA, b -> b);
            SyncEngine b = fx.engine(policy, "node-b", workersB, x -> x);
            for (SourceDocument d : docs) {
                a.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", d.ref().id()));
                b.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", d.ref().id()));
                b.onFreshBooksWebhook(fx.freshBooksWebhook("bill.update", d.ref().id()));
                a.onFreshBooksWebhook(fx.freshBooksWebhook("bill.update", d.ref().id()));
            }
            assertThat(fx.items(WorkStatus.READY)).isEqualTo(2 * bills);
            for (int round = 0; round < 20 && fx.items(WorkStatus.DONE) < 2 * bills; round++) {
                CountDownLatch start = new CountDownLatch(1);
                Future<?> fa = drivers.submit(() -> {
                    start.await();
                    return a.drain();
                });
                Future<?> fb = drivers.submit(() -> {
                    start.await();
                    return b.drain();
                });
                start.countDown();
                fa.get(10, TimeUnit.SECONDS);
                fb.get(10, TimeUnit.SECONDS);
                fx.clock.advance(Duration.ofMinutes(1));
            }
        } finally {
            workersA.shutdownNow();
            workersB.shutdownNow();
            drivers.shutdownNow();
        }
        for (SourceDocument d : docs) {
            assertThat(objectsFor(d)).as("objects for %s", d.ref().key()).isEqualTo(1);
            assertThat(fx.state.ledger(EngineFixture.CONNECTION, d.ref().key()).orElseThrow().state())
                    .isEqualTo(LedgerState.POSTED);
        }
        assertThat(fx.pc.calls("createRequisition")).isEqualTo(bills);
        assertThat(fx.audits(AuditOutcome.POSTED)).hasSize(bills);
        assertThat(fx.items(WorkStatus.DONE)).isEqualTo(2 * bills);
    }
}
